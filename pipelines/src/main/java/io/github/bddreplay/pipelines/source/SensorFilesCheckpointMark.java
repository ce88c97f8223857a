package io.github.bddreplay.pipelines.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Everything a {@link SensorFilesReader} needs to continue exactly where another one stopped: the
 * files read to their end, the file being read and how far, the watermark state and whether the
 * stream has ended. A reader restored from a mark delivers each row once: the rows up to the mark
 * were delivered by the reader that took it, the rest by the restored one. Marks are taken between
 * elements, and an element holds whole rows of one file, so the position is always a chunk
 * boundary.
 *
 * <p>Files are named relative to the input root ({@code <topic>/<slice>/<name>}) and encoded in
 * sorted order with the prefix they share with the previous name written once: the mark, which the
 * Spark runner serializes every micro-batch, grows by about 42 bytes per file read (34 KB for the
 * 808 files of the BDD data set, whose names are 32-digit hex ids).
 *
 * @param lineage names the reader that took the mark and every reader restored from its marks
 * @param batch how many reads ({@link RepeatableBatchesReader micro-batches}) that lineage had
 *     begun when the mark was taken
 * @param finishedFiles relative paths of the files read to their end (or dead-lettered)
 * @param fileInProgress relative path of the file being read, or null between files
 * @param position how far {@code fileInProgress} has been read ({@link FilePosition#START} if none)
 * @param maxEventTime the latest event time read so far, or the minimum timestamp if none
 * @param reportedWatermark the last watermark the reader reported, against which rows are late
 * @param lastNewFile wall-clock time a new file was last seen, for the idle timeout
 * @param drainedAt wall-clock time the reader had read every file of a complete input and began
 *     holding its watermark before the end of stream, or null before that
 * @param endOfStream whether the reader has read everything there will be
 */
public record SensorFilesCheckpointMark(
    String lineage,
    long batch,
    SortedSet<String> finishedFiles,
    @Nullable String fileInProgress,
    FilePosition position,
    Instant maxEventTime,
    Instant reportedWatermark,
    Instant lastNewFile,
    @Nullable Instant drainedAt,
    boolean endOfStream)
    implements UnboundedSource.CheckpointMark {
  public SensorFilesCheckpointMark {
    Objects.requireNonNull(lineage);
    finishedFiles = Collections.unmodifiableSortedSet(new TreeSet<>(finishedFiles));
  }

  /**
   * The state a fresh reader of {@code lineage} begins in: nothing read, no watermark. Only what a
   * replay of the first batch needs is meaningful; the wall-clock fields are not.
   */
  static SensorFilesCheckpointMark initial(String lineage) {
    return new SensorFilesCheckpointMark(
        lineage,
        0,
        new TreeSet<>(),
        null,
        FilePosition.START,
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        null,
        false);
  }

  /** This mark with another set of finished files. */
  SensorFilesCheckpointMark withFinishedFiles(SortedSet<String> files) {
    return new SensorFilesCheckpointMark(
        lineage,
        batch,
        files,
        fileInProgress,
        position,
        maxEventTime,
        reportedWatermark,
        lastNewFile,
        drainedAt,
        endOfStream);
  }

  /** Nothing to acknowledge: files stay where the replayer put them. */
  @Override
  public void finalizeCheckpoint() {}

  @Override
  public String toString() {
    return "batch "
        + batch
        + ": "
        + finishedFiles.size()
        + " files read"
        + (fileInProgress == null
            ? ""
            : ", at record " + position.records() + " of " + fileInProgress)
        + ", max event time "
        + maxEventTime
        + ", watermark "
        + reportedWatermark
        + (drainedAt == null || endOfStream ? "" : ", all read at " + drainedAt)
        + (endOfStream ? ", end of stream" : "");
  }

  /**
   * The coder of {@link SensorFilesCheckpointMark}, with a version byte for later changes. Every
   * mark it decodes is also handed to {@link RepeatableBatchesReader#noteDecoded}: on Spark, that
   * is how a cached reader learns which micro-batch the runner is about to read.
   */
  public static final class MarkCoder extends AtomicCoder<SensorFilesCheckpointMark> {
    private static final MarkCoder INSTANCE = new MarkCoder();
    private static final byte VERSION = 3;
    private static final VarLongCoder VAR_LONG = VarLongCoder.of();
    private static final BigEndianLongCoder LONG = BigEndianLongCoder.of();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final BooleanCoder BOOLEAN = BooleanCoder.of();

    public static MarkCoder of() {
      return INSTANCE;
    }

    private MarkCoder() {}

    @Override
    public void encode(SensorFilesCheckpointMark mark, OutputStream out) throws IOException {
      ByteCoder.of().encode(VERSION, out);
      STRING.encode(mark.lineage, out);
      VAR_LONG.encode(mark.batch, out);
      encodeSorted(mark.finishedFiles, out);
      BOOLEAN.encode(mark.fileInProgress != null, out);
      if (mark.fileInProgress != null) {
        STRING.encode(mark.fileInProgress, out);
      }
      VAR_LONG.encode(mark.position.records(), out);
      VAR_LONG.encode(mark.position.rowsWithoutEventTime(), out);
      VAR_LONG.encode(mark.position.tooLateRows(), out);
      LONG.encode(mark.maxEventTime.getMillis(), out);
      LONG.encode(mark.reportedWatermark.getMillis(), out);
      LONG.encode(mark.lastNewFile.getMillis(), out);
      BOOLEAN.encode(mark.drainedAt != null, out);
      if (mark.drainedAt != null) {
        LONG.encode(mark.drainedAt.getMillis(), out);
      }
      BOOLEAN.encode(mark.endOfStream, out);
    }

    @Override
    public SensorFilesCheckpointMark decode(InputStream in) throws IOException {
      byte version = ByteCoder.of().decode(in);
      if (version != VERSION) {
        throw new CoderException(
            "checkpoint mark of version " + version + ", this reader knows version " + VERSION);
      }
      String lineage = STRING.decode(in);
      long batch = VAR_LONG.decode(in);
      SortedSet<String> finished = decodeSorted(in);
      String inProgress = BOOLEAN.decode(in) ? STRING.decode(in) : null;
      FilePosition position =
          new FilePosition(VAR_LONG.decode(in), VAR_LONG.decode(in), VAR_LONG.decode(in));
      SensorFilesCheckpointMark mark =
          new SensorFilesCheckpointMark(
              lineage,
              batch,
              finished,
              inProgress,
              position,
              new Instant(LONG.decode(in)),
              new Instant(LONG.decode(in)),
              new Instant(LONG.decode(in)),
              BOOLEAN.decode(in) ? new Instant(LONG.decode(in)) : null,
              BOOLEAN.decode(in));
      RepeatableBatchesReader.noteDecoded(mark);
      return mark;
    }

    /** Each name as the length of the prefix it shares with the one before, and the rest. */
    private static void encodeSorted(SortedSet<String> names, OutputStream out) throws IOException {
      VAR_LONG.encode((long) names.size(), out);
      String previous = "";
      for (String name : names) {
        int shared = sharedPrefixLength(previous, name);
        VAR_LONG.encode((long) shared, out);
        STRING.encode(name.substring(shared), out);
        previous = name;
      }
    }

    private static SortedSet<String> decodeSorted(InputStream in) throws IOException {
      long count = VAR_LONG.decode(in);
      SortedSet<String> names = new TreeSet<>();
      String previous = "";
      for (long i = 0; i < count; i++) {
        int shared = Math.toIntExact(VAR_LONG.decode(in));
        if (shared > previous.length()) {
          throw new CoderException(
              "corrupt checkpoint mark: shared prefix longer than previous name");
        }
        String name = previous.substring(0, shared) + STRING.decode(in);
        names.add(name);
        previous = name;
      }
      return names;
    }

    /** Never splits a surrogate pair, so that both parts stay valid UTF-16 on their own. */
    private static int sharedPrefixLength(String a, String b) {
      int max = Math.min(a.length(), b.length());
      int shared = 0;
      while (shared < max && a.charAt(shared) == b.charAt(shared)) {
        shared++;
      }
      if (shared > 0 && Character.isHighSurrogate(a.charAt(shared - 1))) {
        shared--;
      }
      return shared;
    }
  }
}

package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.pipelines.sinks.LateRows;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the input folder of a {@link SensorFilesSource}: lists it every poll interval, reads new
 * files in publication order in chunks of consecutive rows, keeps the watermark, and ends the
 * stream after the end-of-stream marker (or the idle timeout). See {@link SensorFilesSource} for
 * the rules.
 *
 * <p>A reader made by {@link #replaying} reads one micro-batch again instead: exactly the rows an
 * earlier read delivered between two of its marks ({@link RepeatableBatchesReader} says when).
 */
public final class SensorFilesReader extends UnboundedSource.UnboundedReader<RawUnionValue> {
  private static final Logger LOG = LoggerFactory.getLogger(SensorFilesReader.class);

  private final SensorFilesSource source;
  private final SensorSourceConfig config;
  private final InputFolder folder;

  /** The folder, and the share of its files when the source is split: for log lines. */
  private final String where;

  private final DeadLetters deadLetters;
  private final LateRows lateRows;
  private final String lineage;
  private long batch;

  /** Relative paths of the files read to their end or dead-lettered. */
  private final TreeSet<String> finished;

  /** The same, for the current micro-batch only, in the order they finished. */
  private final List<String> finishedThisBatch = new ArrayList<>();

  /** Only when replaying: the files still to read again, and where the replayed batch ended. */
  private final @Nullable Deque<String> replayFiles;

  private final @Nullable String replayStopFile;
  private final FilePosition replayStopPosition;

  /** Files listed but not opened yet, in publication order. */
  private final TreeSet<SensorFile> pending = new TreeSet<>();

  /** The file a restored reader continues first, and where. */
  private @Nullable String resumeFile;

  private FilePosition resumePosition;

  private @Nullable SensorFileReader current;
  private @Nullable TimestampedValue<RawUnionValue> currentChunk;

  private Instant maxEventTime;
  private Instant reportedWatermark;
  private Instant lastNewFile;
  private @Nullable Instant drainedAt;
  private boolean endOfStream;

  /** Set when a listing was made after the marker was seen: nothing will be added to pending. */
  private boolean lastListingDone;

  private Instant nextPoll = Instant.now();

  SensorFilesReader(SensorFilesSource source, @Nullable SensorFilesCheckpointMark mark) {
    this(source, mark, null, null, FilePosition.START);
    if (mark != null) {
      LOG.debug("Resuming reading of {} at checkpoint: {}", where, mark);
      SensorSourceMetrics.READER_RESTORES_COUNTER.inc();
    }
  }

  /**
   * A reader that delivers again the rows of the micro-batch that began at {@code start} and ended
   * at {@code end}: the rest of the file in progress at the start, the files finished in the batch,
   * and the file in progress at the end up to its position there. Files are immutable once
   * published, so these are the same rows, in the same chunks. Nothing is dead-lettered again; its
   * counters go nowhere on Spark, which keeps only the metrics of a batch's first read.
   */
  static SensorFilesReader replaying(
      SensorFilesSource source, SensorFilesCheckpointMark start, BatchEnd end) {
    Deque<String> files = new ArrayDeque<>();
    if (start.fileInProgress() != null) {
      files.add(start.fileInProgress());
    }
    for (String file : end.finishedInBatch()) {
      if (!file.equals(start.fileInProgress())) {
        files.add(file);
      }
    }
    String stopFile = end.fileInProgress();
    if (stopFile != null && !stopFile.equals(start.fileInProgress())) {
      files.add(stopFile);
    }
    return new SensorFilesReader(source, start, files, stopFile, end.position());
  }

  private SensorFilesReader(
      SensorFilesSource source,
      @Nullable SensorFilesCheckpointMark mark,
      @Nullable Deque<String> replayFiles,
      @Nullable String replayStopFile,
      FilePosition replayStopPosition) {
    this.source = source;
    this.config = source.config();
    this.folder = new InputFolder(config.inputDir());
    this.where =
        source.share().count() == 1 ? folder.toString() : folder + " (" + source.share() + ")";
    this.deadLetters = new DeadLetters(config.errorsDir());
    this.lateRows = new LateRows(config.lateDir(), config.windowing());
    this.replayFiles = replayFiles;
    this.replayStopFile = replayStopFile;
    this.replayStopPosition = replayStopPosition;
    if (mark == null) {
      lineage = source.lineage();
      batch = 0;
      finished = new TreeSet<>();
      resumeFile = null;
      resumePosition = FilePosition.START;
      maxEventTime = BoundedWindow.TIMESTAMP_MIN_VALUE;
      reportedWatermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
      lastNewFile = Instant.now();
      drainedAt = null;
      endOfStream = false;
    } else {
      lineage = mark.lineage();
      batch = mark.batch();
      finished = new TreeSet<>(mark.finishedFiles());
      resumeFile = mark.fileInProgress();
      resumePosition = mark.position();
      maxEventTime = mark.maxEventTime();
      reportedWatermark = mark.reportedWatermark();
      lastNewFile = mark.lastNewFile();
      drainedAt = mark.drainedAt();
      endOfStream = mark.endOfStream();
    }
  }

  /** Names this reader and every reader restored from its marks. */
  String lineage() {
    return lineage;
  }

  /** How many micro-batches this lineage has begun; the number its marks carry. */
  long batch() {
    return batch;
  }

  /**
   * A micro-batch begins: what this reader delivers from now on belongs to batch {@code batch+1}.
   */
  void beginBatch() {
    batch++;
    finishedThisBatch.clear();
  }

  /** Where the micro-batch begun last ends, if it ends now; see {@link BatchEnd}. */
  BatchEnd batchEnd() {
    return new BatchEnd(List.copyOf(finishedThisBatch), markWith(new TreeSet<>()));
  }

  @Override
  public boolean start() throws IOException {
    if (replayFiles != null) {
      return advance();
    }
    if (endOfStream) {
      return false;
    }
    if (resumeFile != null) {
      resume(resumeFile, resumePosition);
      resumeFile = null;
    }
    return advance();
  }

  private void resume(String relativePath, FilePosition position) throws IOException {
    Optional<SensorFile> file = folder.find(relativePath);
    if (file.isPresent()) {
      open(file.get(), position);
    } else {
      SensorSourceMetrics.BAD_FILES_COUNTER.inc();
      LOG.error(
          "Input file {} in {} disappeared while being read: its rows after record {} are lost",
          relativePath,
          where,
          position.records());
      markFinished(relativePath);
    }
  }

  @Override
  public boolean advance() throws IOException {
    currentChunk = null;
    if (replayFiles != null) {
      return advanceReplay();
    }
    while (!endOfStream) {
      if (current != null) {
        if (readChunk()) {
          return true;
        }
      } else if (!pending.isEmpty()) {
        open(pending.pollFirst(), FilePosition.START);
      } else if (lastListingDone) {
        if (!drained()) {
          return false;
        }
        reachEndOfStream();
      } else if (Instant.now().isBefore(nextPoll)) {
        return false;
      } else {
        poll();
        if (pending.isEmpty() && !lastListingDone) {
          checkIdleTimeout();
          return false;
        }
      }
    }
    return false;
  }

  private boolean advanceReplay() throws IOException {
    while (true) {
      if (current != null) {
        if (atReplayStop()) {
          return false;
        }
        if (readChunk()) {
          return true;
        }
      } else if (replayFiles.isEmpty()) {
        return false;
      } else {
        String next = replayFiles.pollFirst();
        FilePosition from = next.equals(resumeFile) ? resumePosition : FilePosition.START;
        resumeFile = null;
        Optional<SensorFile> file = folder.find(next);
        // A file that was gone when first read delivered nothing then either.
        if (file.isPresent()) {
          open(file.get(), from);
        }
      }
    }
  }

  private boolean atReplayStop() {
    return current != null
        && current.file().relativePath().equals(replayStopFile)
        && current.position().records() >= replayStopPosition.records();
  }

  /**
   * Reads up to {@link SensorSourceConfig#maxRowsPerElement} rows of the current file into the next
   * chunk: true when it holds rows to deliver. Each row is judged too late on its own, against the
   * watermark reported before the chunk. The chunk is timestamped with its earliest row, as a DoFn
   * may move an element's rows later in event time but not earlier. The file is closed as soon as
   * its end (or a bad record) is met, so a mark taken after the chunk lists it as read.
   */
  private boolean readChunk() {
    SensorFileReader file = current;
    List<GenericRecord> rows = new ArrayList<>();
    List<TimestampedValue<GenericRecord>> late = new ArrayList<>();
    Instant earliest = BoundedWindow.TIMESTAMP_MAX_VALUE;
    while (rows.size() < config.maxRowsPerElement() && !atReplayStop()) {
      TimestampedValue<GenericRecord> row;
      try {
        row = file.next();
      } catch (BadSensorFileException e) {
        if (replayFiles == null) {
          deadLetters.record(file.file(), e.getMessage());
        }
        closeCurrent();
        break;
      }
      if (row == null) {
        file.finished(replayFiles == null ? deadLetters : null);
        SensorSourceMetrics.fileRead(file.topic());
        closeCurrent();
        break;
      }
      Instant eventTime = row.getTimestamp();
      if (eventTime.isAfter(maxEventTime)) {
        maxEventTime = eventTime;
      }
      if (config.windowing().isTooLate(eventTime, reportedWatermark)) {
        file.dropTooLate();
        late.add(row);
        continue;
      }
      rows.add(row.getValue());
      if (eventTime.isBefore(earliest)) {
        earliest = eventTime;
      }
    }
    writeLate(file, late);
    if (rows.isEmpty()) {
      return false;
    }
    SensorSourceMetrics.rowsRead(file.topic(), rows.size());
    currentChunk = TimestampedValue.of(new RawUnionValue(file.topic().ordinal(), rows), earliest);
    return true;
  }

  /**
   * Writes the chunk's rows too late for their window to the late-data output. A chunk read again
   * (a recomputed micro-batch) holds the same rows and replaces their files.
   */
  private void writeLate(SensorFileReader file, List<TimestampedValue<GenericRecord>> late) {
    if (late.isEmpty()) {
      return;
    }
    try {
      lateRows.write(file.topic().folderName(), file.topic().schema(), late);
    } catch (IOException | RuntimeException e) {
      // The rows stay counted as too late; the log says they could not be kept.
      LOG.error(
          "Could not write {} rows of {} too late for their window to {}: {}",
          late.size(),
          file.file(),
          config.lateDir(),
          SensorFileReader.reasonOf(e));
    }
  }

  private void open(SensorFile file, FilePosition position) {
    try {
      current = SensorFileReader.open(file, position);
    } catch (BadSensorFileException e) {
      if (replayFiles == null) {
        deadLetters.record(file, e.getMessage());
      }
      markFinished(file.relativePath());
    }
  }

  private void closeCurrent() {
    markFinished(current.file().relativePath());
    current.close();
    current = null;
  }

  private void markFinished(String relativePath) {
    finished.add(relativePath);
    finishedThisBatch.add(relativePath);
  }

  /**
   * Lists the folder for files not read yet (called between files only, so the listing never
   * re-adds the file being read). The marker is looked for before the listing, so when it is found,
   * the listing holds every file the replay published.
   */
  private void poll() {
    Instant now = Instant.now();
    nextPoll = now.plus(config.pollInterval());
    boolean complete;
    TreeSet<SensorFile> listed;
    try {
      complete = folder.isComplete();
      listed = folder.list();
    } catch (IOException e) {
      LOG.warn(
          "Cannot list {}, trying again in {}: {}",
          where,
          config.pollInterval(),
          SensorFileReader.reasonOf(e));
      return;
    }
    boolean found = false;
    for (SensorFile file : listed) {
      String path = file.relativePath();
      if (!finished.contains(path) && source.share().owns(path)) {
        found |= pending.add(file);
      }
    }
    if (found) {
      lastNewFile = now;
    }
    if (complete) {
      lastListingDone = true;
      LOG.info(
          "End-of-stream marker {} found in {}: reading the last {} files",
          InputFolder.END_OF_STREAM_MARKER,
          where,
          pending.size());
    }
  }

  private void checkIdleTimeout() {
    Optional<Duration> timeout = config.idleTimeout();
    if (timeout.isPresent() && !Instant.now().isBefore(lastNewFile.plus(timeout.get()))) {
      LOG.warn(
          "No new input file in {} for {} (idle timeout) and no end-of-stream marker: ending the"
              + " stream as if the replay were complete",
          where,
          timeout.get());
      lastListingDone = true;
    }
  }

  /**
   * Whether the watermark has been held at the end of the last window long enough after the last
   * row was read. The Spark runner keeps one watermark per pipeline and advances it between
   * micro-batches; when batches back up, a jump straight to the end of time can reach a downstream
   * GroupByKey in the same batch as the last windows' final panes, which it then drops as late,
   * silently. Holding first lets every window fire on time, and those panes reach the writers,
   * before the stream ends.
   */
  private boolean drained() {
    Instant now = Instant.now();
    if (drainedAt == null) {
      drainedAt = now;
      LOG.info(
          "All {} files of {} read: holding the watermark at {}, the end of the last window, for {}"
              + " before ending the stream",
          finished.size(),
          where,
          lastWindowEnd(),
          config.endOfStreamHold());
    }
    return !now.isBefore(drainedAt.plus(config.endOfStreamHold()));
  }

  /** The end of the window holding the latest event time read. */
  private Instant lastWindowEnd() {
    return maxEventTime.isAfter(BoundedWindow.TIMESTAMP_MIN_VALUE)
        ? config.windowing().windowEnd(maxEventTime)
        : BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  private void reachEndOfStream() {
    endOfStream = true;
    SensorSourceMetrics.END_OF_STREAM_COUNTER.inc();
    LOG.info(
        "End of stream: {} files read from {}; the watermark is now the end of time",
        finished.size(),
        where);
  }

  /** The current chunk: its topic's ordinal as union tag, its rows as a {@code List}. */
  @Override
  public RawUnionValue getCurrent() {
    if (currentChunk == null) {
      throw new NoSuchElementException("no current chunk");
    }
    return currentChunk.getValue();
  }

  /** The event time of the current chunk's earliest row. */
  @Override
  public Instant getCurrentTimestamp() {
    if (currentChunk == null) {
      throw new NoSuchElementException("no current chunk");
    }
    return currentChunk.getTimestamp();
  }

  /**
   * The latest event time read minus the watermark delay, never lower than before; the end of the
   * last window once everything is read; the end of time once the stream has ended. The value
   * returned is the one the rows of later chunks are judged late by. It may pass rows of the
   * current chunk (a file's rows need not be in time order): those are late data, not too late, as
   * they were judged against the watermark reported before.
   */
  @Override
  public Instant getWatermark() {
    if (endOfStream) {
      reportedWatermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
    } else if (drainedAt != null) {
      if (lastWindowEnd().isAfter(reportedWatermark)) {
        reportedWatermark = lastWindowEnd();
      }
    } else if (maxEventTime.isAfter(BoundedWindow.TIMESTAMP_MIN_VALUE)) {
      Instant followingData = maxEventTime.minus(config.watermarkDelay());
      if (followingData.isAfter(reportedWatermark)) {
        reportedWatermark = followingData;
      }
    }
    return reportedWatermark;
  }

  @Override
  public SensorFilesCheckpointMark getCheckpointMark() {
    return markWith(finished);
  }

  private SensorFilesCheckpointMark markWith(TreeSet<String> finishedFiles) {
    String inProgress = current == null ? resumeFile : current.file().relativePath();
    FilePosition position = current == null ? resumePosition : current.position();
    return new SensorFilesCheckpointMark(
        lineage,
        batch,
        finishedFiles,
        inProgress,
        inProgress == null ? FilePosition.START : position,
        maxEventTime,
        reportedWatermark,
        lastNewFile,
        drainedAt,
        endOfStream);
  }

  @Override
  public SensorFilesSource getCurrentSource() {
    return source;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}

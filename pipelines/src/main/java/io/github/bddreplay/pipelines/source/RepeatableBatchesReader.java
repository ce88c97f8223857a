package io.github.bddreplay.pipelines.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader a {@link SensorFilesSource} gives runners: a {@link SensorFilesReader} that delivers
 * an earlier micro-batch again, row for row, when the runner reads that batch a second time.
 *
 * <p>Why: Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) reads an unbounded source inside Spark
 * state ({@code mapWithState}) and keeps each micro-batch's rows only in Spark's block cache, in
 * memory. When Spark drops such a block (memory pressure, a lost executor), it recomputes the batch
 * from its lineage: the runner decodes the checkpoint mark the batch began at and asks its reader
 * cache ({@code MicrobatchSource.getOrCreateReader}) for a reader, which returns the cached one,
 * already past that batch, and ignores the mark. The batch's rows are then lost to every step that
 * recomputes it, and the recomputation swallows rows meant for later batches. At 1,000 cars with a
 * 1 GiB heap, 46 % of the location rows never reached {@code simple}, without a word.
 *
 * <p>How: every mark carries its reader's lineage and batch number, and the runner decodes the mark
 * in the thread that then reads ({@code StateSpecFunctions}), so the mark coder hands each decoded
 * mark to {@link #noteDecoded}. A read that begins at a mark older than the newest batch this JVM
 * has read of that lineage is a recomputation. It is served by a {@link SensorFilesReader#replaying
 * replaying reader} built from that mark and the {@link BatchEnd} this JVM remembers for the batch
 * (the last {@value #REMEMBERED_BATCHES} of each lineage), and the whole batch goes out as one
 * element ({@link SensorFilesSource#REPEATED_BATCH_TAG}): the runner stops a read after its read
 * time, and a recomputation must not deliver less than the original. It reports the batch's own end
 * watermark and mark. Any other read continues from the mark the runner gives: the live reader is
 * re-created from it when it stands elsewhere (a reader created for a recomputation, or one the
 * runner's cache kept while it read from another). Recomputing a batch no longer remembered fails
 * the read: better a failed micro-batch than rows lost in silence. Reads of a recomputation and of
 * the next batch can run at once in different threads: each thread keeps its own read, and calls
 * are serialized. The first batch begins with no mark to decode (Spark has no state yet), so on
 * Spark a read that begins with none, once a batch of the source's lineage has been read, is that
 * batch again.
 *
 * <p>On runners that read each batch once (the DirectRunner, which restores readers from marks
 * itself), it only passes the reads on.
 */
final class RepeatableBatchesReader extends UnboundedSource.UnboundedReader<RawUnionValue> {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatableBatchesReader.class);

  /** About 17 minutes of 500 ms micro-batches: far beyond a backlog the pipelines survive. */
  static final int REMEMBERED_BATCHES = 2_000;

  private static final int REMEMBERED_LINEAGES = 16;
  private static final ThreadLocal<SensorFilesCheckpointMark> DECODED = new ThreadLocal<>();
  private static final AtomicLong REPLAYS = new AtomicLong();

  /** Per lineage, the ends of its last batches by batch number; lineages least recently used go. */
  private static final Map<String, TreeMap<Long, BatchEnd>> BATCH_ENDS =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TreeMap<Long, BatchEnd>> eldest) {
          return size() > REMEMBERED_LINEAGES;
        }
      };

  private final SensorFilesSource source;
  private SensorFilesReader live;
  private final boolean readsRecomputed;
  private final ThreadLocal<Read> reads = new ThreadLocal<>();
  private boolean liveStarted;

  RepeatableBatchesReader(
      SensorFilesSource source, SensorFilesReader live, boolean readsRecomputed) {
    this.source = source;
    this.live = live;
    this.readsRecomputed = readsRecomputed;
  }

  /** Whether the pipeline runs on Beam's Spark runner (or its test variant). */
  static boolean runnerRecomputesReads(PipelineOptions options) {
    return options.getRunner().getName().startsWith("org.apache.beam.runners.spark.");
  }

  /** Called by the mark coder for every mark it decodes, in the decoding thread. */
  static void noteDecoded(SensorFilesCheckpointMark mark) {
    DECODED.set(mark);
  }

  /** Micro-batches delivered again in this JVM, for tests. */
  static long replays() {
    return REPLAYS.get();
  }

  /**
   * One read by one thread: from a call of start or advance to the mark taken at its end. A
   * replay's read holds its batch as one element, delivered by the first call.
   */
  private static final class Read {
    final @Nullable SensorFilesCheckpointMark replayedFrom;
    final @Nullable BatchEnd replayedEnd;
    final @Nullable TimestampedValue<RawUnionValue> replayedBatch;
    boolean ended;

    Read(
        @Nullable SensorFilesCheckpointMark from,
        @Nullable BatchEnd end,
        @Nullable TimestampedValue<RawUnionValue> batch) {
      this.replayedFrom = from;
      this.replayedEnd = end;
      this.replayedBatch = batch;
    }

    boolean isReplay() {
      return replayedEnd != null;
    }
  }

  @Override
  public synchronized boolean start() throws IOException {
    return beginRead();
  }

  @Override
  public synchronized boolean advance() throws IOException {
    Read read = reads.get();
    if (read == null || read.ended) {
      return beginRead();
    }
    // A replayed batch went out whole with the read's first call.
    return !read.isReplay() && live.advance();
  }

  private boolean beginRead() throws IOException {
    SensorFilesCheckpointMark from = DECODED.get();
    DECODED.remove();
    if (!readsRecomputed) {
      return beginLiveRead();
    }
    String lineage = from == null ? live.lineage() : from.lineage();
    long newest = Math.max(live.batch(), newestRemembered(lineage));
    if (from == null && newest > 0) {
      from = SensorFilesCheckpointMark.initial(lineage);
    }
    if (from != null && from.batch() < newest) {
      BatchEnd end = remembered(from.lineage(), from.batch() + 1);
      if (end == null) {
        throw new IllegalStateException(
            "The runner reads micro-batch "
                + (from.batch() + 1)
                + " of "
                + source.config().inputDir()
                + " again (its cached copy was lost), but this JVM no longer remembers where that"
                + " batch ended (it keeps the last "
                + REMEMBERED_BATCHES
                + "; the reader is at batch "
                + live.batch()
                + "). Refusing to lose or repeat its rows: give Spark more memory.");
      }
      REPLAYS.incrementAndGet();
      LOG.warn(
          "The runner reads micro-batch {} of {} again (Spark dropped its cached copy): delivering"
              + " the same rows again",
          from.batch() + 1,
          source.config().inputDir());
      TimestampedValue<RawUnionValue> batch = readAgain(from, end);
      reads.set(new Read(from, end, batch));
      return batch != null;
    }
    if (from != null && from.batch() != live.batch()) {
      live.close();
      live = new SensorFilesReader(source, from);
      liveStarted = false;
    }
    return beginLiveRead();
  }

  private boolean beginLiveRead() throws IOException {
    live.beginBatch();
    reads.set(new Read(null, null, null));
    if (!liveStarted) {
      liveStarted = true;
      return live.start();
    }
    return live.advance();
  }

  /** The chunks of the batch that began at {@code from} as one element, or null if it had none. */
  private @Nullable TimestampedValue<RawUnionValue> readAgain(
      SensorFilesCheckpointMark from, BatchEnd end) throws IOException {
    List<RawUnionValue> chunks = new ArrayList<>();
    Instant earliest = BoundedWindow.TIMESTAMP_MAX_VALUE;
    try (SensorFilesReader replay = SensorFilesReader.replaying(source, from, end)) {
      for (boolean more = replay.start(); more; more = replay.advance()) {
        chunks.add(replay.getCurrent());
        if (replay.getCurrentTimestamp().isBefore(earliest)) {
          earliest = replay.getCurrentTimestamp();
        }
      }
    }
    return chunks.isEmpty()
        ? null
        : TimestampedValue.of(
            new RawUnionValue(SensorFilesSource.REPEATED_BATCH_TAG, chunks), earliest);
  }

  private Read currentRead() {
    Read read = reads.get();
    return read == null ? new Read(null, null, null) : read;
  }

  @Override
  public synchronized RawUnionValue getCurrent() {
    Read read = currentRead();
    return read.isReplay() ? replayedBatch(read).getValue() : live.getCurrent();
  }

  @Override
  public synchronized Instant getCurrentTimestamp() {
    Read read = currentRead();
    return read.isReplay() ? replayedBatch(read).getTimestamp() : live.getCurrentTimestamp();
  }

  private static TimestampedValue<RawUnionValue> replayedBatch(Read read) {
    if (read.replayedBatch == null) {
      throw new NoSuchElementException("the batch read again had no rows");
    }
    return read.replayedBatch;
  }

  @Override
  public synchronized Instant getWatermark() {
    Read read = currentRead();
    return read.isReplay() ? read.replayedEnd.reportedWatermark() : live.getWatermark();
  }

  /** Ends this thread's read: the next start or advance begins another. */
  @Override
  public synchronized SensorFilesCheckpointMark getCheckpointMark() {
    Read read = currentRead();
    read.ended = true;
    if (read.isReplay()) {
      return read.replayedEnd.markAfter(read.replayedFrom);
    }
    if (readsRecomputed) {
      remember(live.lineage(), live.batch(), live.batchEnd());
    }
    return live.getCheckpointMark();
  }

  @Override
  public SensorFilesSource getCurrentSource() {
    return source;
  }

  @Override
  public synchronized void close() {
    live.close();
  }

  private static void remember(String lineage, long batch, BatchEnd end) {
    synchronized (BATCH_ENDS) {
      TreeMap<Long, BatchEnd> ends = BATCH_ENDS.computeIfAbsent(lineage, l -> new TreeMap<>());
      ends.put(batch, end);
      if (ends.size() > REMEMBERED_BATCHES) {
        ends.pollFirstEntry();
      }
    }
  }

  private static long newestRemembered(String lineage) {
    synchronized (BATCH_ENDS) {
      TreeMap<Long, BatchEnd> ends = BATCH_ENDS.get(lineage);
      return ends == null || ends.isEmpty() ? 0 : ends.lastKey();
    }
  }

  private static @Nullable BatchEnd remembered(String lineage, long batch) {
    synchronized (BATCH_ENDS) {
      TreeMap<Long, BatchEnd> ends = BATCH_ENDS.get(lineage);
      return ends == null ? null : ends.get(batch);
    }
  }
}

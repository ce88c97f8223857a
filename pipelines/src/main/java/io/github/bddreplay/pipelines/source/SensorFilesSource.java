package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of the Parquet files a replay publishes into an input folder, read continuously: every
 * poll interval the folder is listed through Beam's {@link org.apache.beam.sdk.io.FileSystems} and
 * the new files are read in publication order (slice time, topic, name). Rows are projected onto
 * their topic's canonical schema; their event time is the {@code timestamp} column (epoch
 * microseconds, floored to milliseconds).
 *
 * <p><b>Chunks.</b> Each element is a chunk of up to {@link SensorSourceConfig#maxRowsPerElement}
 * consecutive rows of one file: a {@link RawUnionValue} tagged with the file's {@link
 * Topic#ordinal()} holding a {@code List<GenericRecord>}, timestamped with the earliest event time
 * of its rows. Runners pay per element and per bundle (the DirectRunner reads at most 10 elements
 * per bundle), so a file travels as one element rather than one per row. {@link ReadSensorStreams}
 * turns the chunks back into rows, each at its own event time; as a DoFn may output later than its
 * input's timestamp but not earlier, the chunk carries the earliest.
 *
 * <p>It is an {@link UnboundedSource} rather than a splittable DoFn because that is what the Spark
 * runner can run in streaming mode. One source reads both topics: two sources (one per topic)
 * feeding one stage let the stage's watermark race ahead of a source that reported nothing in a
 * micro-batch (Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) forgets such a source's watermark,
 * apache/beam#39822).
 *
 * <p><b>Splits.</b> By default the source does not split, so its watermark is one number that
 * follows all the data. With {@link SensorSourceConfig#maxSplits} above 1 it splits into readers of
 * disjoint {@link FileShare}s of the files, each with its own watermark, checkpoint mark and end of
 * stream: for runners that take a source's watermark as the minimum over its splits (Flink). Beam
 * 2.70's Spark runner takes the maximum (SparkUnboundedSource's ReadReportDStream "advances to the
 * latest of all partitions", apache/beam#19411), so there a split that falls behind would have its
 * rows dropped as late downstream; its profiles keep one split.
 *
 * <p><b>Watermark.</b> The watermark follows the data: it is the latest event time read so far
 * minus the watermark delay (default 5 s), never moving backwards. The delay covers the disorder of
 * the input: the rows of one slice span about 1.6 s of event time and the two topics' files of a
 * slice are published in either order, so rows up to a few seconds older than the newest one still
 * arrive. Once the replay is complete the watermark jumps to the end of time.
 *
 * <p><b>Too-late rows.</b> A row whose window, with its allowed lateness, has already closed for
 * the watermark this source last reported is dropped here, counted ({@link
 * SensorSourceMetrics#TOO_LATE_ROWS}) and logged with its file, so no downstream GroupByKey drops a
 * row silently. Rows are judged against the watermark reported before their chunk: a chunk may be
 * late data for the runner, but never beyond its windows' allowed lateness.
 *
 * <p><b>End of stream.</b> When the replayer's {@code _REPLAY_COMPLETE} marker is seen, the folder
 * is listed once more, everything not yet read is read, and then the watermark becomes {@link
 * org.apache.beam.sdk.transforms.windowing.BoundedWindow#TIMESTAMP_MAX_VALUE} and the reader
 * reports no more data, so runners that finish on such a watermark (the DirectRunner) end the
 * pipeline. An optional idle timeout (no new file for that long) does the same. Reaching the end is
 * recorded in the counter {@link SensorSourceMetrics#END_OF_STREAM} (incremented once when reached;
 * test it for {@code > 0}, as a re-executed micro-batch may count it again), for a driver of a
 * runner whose streaming pipelines never finish on their own (Spark).
 *
 * <p><b>Checkpoints.</b> A {@link SensorFilesCheckpointMark} falls between chunks, never inside
 * one, so a reader restored from it loses no row and reads none twice ({@link
 * SensorSourceMetrics#READER_RESTORES} counts restores); {@link RepeatableBatchesReader} covers
 * Spark's recomputed micro-batches.
 *
 * <p><b>Bad input.</b> Files that are not Parquet, are corrupt or truncated, or lack the columns
 * their topic needs are logged, counted, given a dead-letter entry and skipped; names starting with
 * {@code _} or {@code .} at any level are not data and are ignored. Rows without a timestamp are
 * counted and skipped.
 */
public final class SensorFilesSource
    extends UnboundedSource<RawUnionValue, SensorFilesCheckpointMark> {
  /**
   * The union tag of an element holding a whole micro-batch read again ({@link
   * RepeatableBatchesReader}): a {@code List<RawUnionValue>} of chunks, timestamped with the
   * earliest.
   */
  public static final int REPEATED_BATCH_TAG = Topic.values().length;

  private final SensorSourceConfig config;
  private final boolean readsRecomputed;
  private final FileShare share;

  /** The lineage of the readers that begin with no mark: one per pipeline built. */
  private final String lineage = UUID.randomUUID().toString();

  /** A source for runners that read each micro-batch once (the DirectRunner). */
  public SensorFilesSource(SensorSourceConfig config) {
    this(config, false);
  }

  /**
   * @param readsRecomputed whether the runner may read a micro-batch again from the mark it began
   *     at, through a reader that has read on (Beam's Spark runner: {@link
   *     RepeatableBatchesReader})
   */
  public SensorFilesSource(SensorSourceConfig config, boolean readsRecomputed) {
    this(config, readsRecomputed, FileShare.ALL);
  }

  private SensorFilesSource(SensorSourceConfig config, boolean readsRecomputed, FileShare share) {
    this.config = config;
    this.readsRecomputed = readsRecomputed;
    this.share = share;
  }

  SensorSourceConfig config() {
    return config;
  }

  String lineage() {
    return lineage;
  }

  /** The files this source (or split) reads. */
  FileShare share() {
    return share;
  }

  /**
   * At each topic's union tag, the coder of a list of its rows; at {@link #REPEATED_BATCH_TAG}, of
   * a list of such chunks.
   */
  public static UnionCoder outputCoderOf() {
    List<Coder<?>> topics =
        Arrays.stream(Topic.values())
            .<Coder<?>>map(topic -> ListCoder.of(AvroCoder.of(GenericRecord.class, topic.schema())))
            .toList();
    List<Coder<?>> coders = new ArrayList<>(topics);
    coders.add(ListCoder.of(UnionCoder.of(topics)));
    return UnionCoder.of(coders);
  }

  /**
   * As many splits as the runner asks for, up to {@link SensorSourceConfig#maxSplits} (1 unless
   * configured: see the class comment), each reading both topics' files of its share.
   */
  @Override
  public List<SensorFilesSource> split(int desiredNumSplits, PipelineOptions options) {
    int splits = Math.max(1, Math.min(desiredNumSplits, config.maxSplits()));
    if (splits == 1) {
      return List.of(this);
    }
    List<SensorFilesSource> shares = new ArrayList<>();
    for (int index = 0; index < splits; index++) {
      shares.add(new SensorFilesSource(config, readsRecomputed, new FileShare(index, splits)));
    }
    return shares;
  }

  @Override
  public RepeatableBatchesReader createReader(
      PipelineOptions options, @Nullable SensorFilesCheckpointMark checkpointMark) {
    return new RepeatableBatchesReader(
        this, new SensorFilesReader(this, checkpointMark), readsRecomputed);
  }

  @Override
  public Coder<SensorFilesCheckpointMark> getCheckpointMarkCoder() {
    return SensorFilesCheckpointMark.MarkCoder.of();
  }

  @Override
  public Coder<RawUnionValue> getOutputCoder() {
    return outputCoderOf();
  }

  @Override
  public String toString() {
    return "SensorFilesSource(" + config + ", " + share + ")";
  }
}

package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.spark.SparkContextOptions;
import org.apache.beam.runners.spark.metrics.MetricsAccumulator;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder.SparkWatermarks;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.spark.streaming.api.java.JavaBatchInfo;
import org.apache.spark.streaming.api.java.JavaStreamingListener;
import org.apache.spark.streaming.api.java.JavaStreamingListenerBatchCompleted;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures on Spark, per batch interval, in which micro-batch the last window's files land on disk
 * relative to the end of stream, for a source that jumps straight to +infinity, and checks that
 * {@link StreamingRun#DEFAULT_SETTLE_BATCHES} covers it. The run goes on for a few batches more
 * than the default so the picture is complete; the table it prints per batch is the measurement.
 *
 * <p>Every final pane must be on disk, backed up or not: nothing groups what the count emitted, so
 * the runner's watermark racing ahead of backed-up batches (see {@code SparkStreamingSession})
 * cannot drop it as late. Not 200 ms: on two cores those batches back up in a fresh JVM.
 */
class EndOfStreamToFinalFilesTest {
  private static final MetricNameFilter END_OF_STREAM =
      MetricNameFilter.named(
          ScriptedUnboundedSource.METRICS_NAMESPACE, ScriptedUnboundedSource.END_OF_STREAM);
  private static final int OBSERVED_BATCHES_AFTER_END = StreamingRun.DEFAULT_SETTLE_BATCHES + 2;

  @TempDir Path temp;

  @ParameterizedTest(name = "batch interval {0} ms")
  @ValueSource(longs = {500, 1000})
  void everyWindowsFinalPaneIsOnDiskWithinTheSettleBatches(long batchIntervalMillis) {
    Path output = temp.resolve("out");
    SparkContextOptions options =
        PipelineOptionsFactory.fromArgs(
                EmbeddedSpark.withDefaults(
                    "--batchIntervalMillis=" + batchIntervalMillis,
                    "--checkpointDir=" + temp.resolve("checkpoint")))
            .as(SparkContextOptions.class);
    BatchRecorder recorder = new BatchRecorder(output, batchIntervalMillis);
    options.setListeners(List.of(recorder));
    Pipeline pipeline =
        WindowedCountToParquet.build(
            options,
            ScriptedUnboundedSource.endingAfter(ScriptedEvents.THREE_WINDOWS, 200),
            output);

    StreamingRunResult result =
        StreamingRun.of(pipeline, options, END_OF_STREAM)
            .withOverallTimeout(Duration.standardSeconds(50))
            .withSettleBatches(OBSERVED_BATCHES_AFTER_END)
            .run();

    List<BatchRecord> batches = recorder.batches;
    Map<String, Long> expected =
        WindowedCountToParquet.expectedCounts(ScriptedEvents.THREE_WINDOWS);
    int endRead = firstBatch(batches, b -> b.readReachedEnd);
    int endSeen = firstBatch(batches, b -> b.endOfStreamCounter > 0 && b.highWatermarkAtEnd);
    int filesComplete =
        firstBatch(batches, b -> WindowedCountToParquet.onTimeCounts(b.files).equals(expected));
    System.out.printf(
        "Batch interval %d ms, run took %s. The read reached the end in batch %d, the end of"
            + " stream was seen at batch %d, every window's ON_TIME pane was on disk at batch %d:"
            + " %d batches after the read, %d after the end was seen.%n%s",
        batchIntervalMillis,
        result.wallTime(),
        endRead,
        endSeen,
        filesComplete,
        filesComplete - endRead,
        filesComplete - endSeen,
        table(batches));

    assertThat("batch at which the end was seen", endSeen, greaterThanOrEqualTo(0));
    assertThat(
        "batch at which every ON_TIME pane was on disk", filesComplete, greaterThanOrEqualTo(0));
    assertThat(filesComplete - endSeen, lessThanOrEqualTo(StreamingRun.DEFAULT_SETTLE_BATCHES));
    assertThat(WindowedCountToParquet.onTimeCounts(output), equalTo(expected));
  }

  private static int firstBatch(List<BatchRecord> batches, Predicate<BatchRecord> test) {
    for (int i = 0; i < batches.size(); i++) {
      if (test.test(batches.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String table(List<BatchRecord> batches) {
    StringBuilder table =
        new StringBuilder(
            "  # scheduling-delay-ms processing-ms records read-end eos-counter low-wm-end"
                + " high-wm-end files\n");
    for (int i = 0; i < batches.size(); i++) {
      BatchRecord b = batches.get(i);
      table.append(
          String.format(
              "%3d %19d %13d %7d %8s %11d %10s %11s %5d%n",
              i,
              b.info.schedulingDelay(),
              b.info.processingDelay(),
              b.info.numRecords(),
              b.readReachedEnd,
              b.endOfStreamCounter,
              b.lowWatermarkAtEnd,
              b.highWatermarkAtEnd,
              b.files.size()));
    }
    return table.toString();
  }

  /** What was true when one micro-batch completed. */
  private static final class BatchRecord {
    JavaBatchInfo info;
    boolean readReachedEnd;
    long endOfStreamCounter;
    boolean lowWatermarkAtEnd;
    boolean highWatermarkAtEnd;
    Set<Path> files;
  }

  /**
   * Runs on Spark's listener bus just before {@link StreamingRun}'s own listener. Only lists the
   * output folder: the bus also carries the runner's watermark advance, which a slow listener would
   * delay. The files are read after the run (a finished file never changes).
   */
  private static final class BatchRecorder extends JavaStreamingListener {
    private static final String END_OF_TIME = BoundedWindow.TIMESTAMP_MAX_VALUE.toString();

    private final Path output;
    private final long batchIntervalMillis;
    final List<BatchRecord> batches = new CopyOnWriteArrayList<>();

    BatchRecorder(Path output, long batchIntervalMillis) {
      this.output = output;
      this.batchIntervalMillis = batchIntervalMillis;
    }

    @Override
    public void onBatchCompleted(JavaStreamingListenerBatchCompleted completed) {
      BatchRecord b = new BatchRecord();
      b.info = completed.batchInfo();
      // The runner describes each read as "... observed watermarks SparkWatermarks{...,
      // highWatermark=<instant>, ...}"; the read that moved it to +infinity reached the end.
      b.readReachedEnd =
          b.info.streamIdToInputInfo().values().stream()
              .anyMatch(
                  input ->
                      String.valueOf(input.metadataDescription())
                          .contains("highWatermark=" + END_OF_TIME));
      b.endOfStreamCounter =
          CounterSnapshots.value(
              MetricsContainerStepMap.asAttemptedOnlyMetricResults(
                  MetricsAccumulator.getInstance().value()),
              END_OF_STREAM);
      Map<Integer, SparkWatermarks> watermarks = GlobalWatermarkHolder.get(batchIntervalMillis);
      b.lowWatermarkAtEnd = allAtEnd(watermarks, SparkWatermarks::getLowWatermark);
      b.highWatermarkAtEnd = allAtEnd(watermarks, SparkWatermarks::getHighWatermark);
      b.files = WindowedCountToParquet.finishedFiles(output);
      batches.add(b);
    }

    private static boolean allAtEnd(
        Map<Integer, SparkWatermarks> watermarks, Function<SparkWatermarks, Instant> which) {
      return watermarks != null
          && !watermarks.isEmpty()
          && watermarks.values().stream()
              .allMatch(w -> !which.apply(w).isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
  }
}

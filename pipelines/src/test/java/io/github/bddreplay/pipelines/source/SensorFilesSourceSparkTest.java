package io.github.bddreplay.pipelines.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.source.SensorInputFolder.StagedFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.runners.spark.metrics.MetricsAccumulator;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.spark.SparkEnv;
import org.apache.spark.memory.MemoryMode;
import org.apache.spark.storage.memory.MemoryStore;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * Smoke test of the continuous source on Beam's Spark runner in streaming mode (local[2]): files
 * published during the run are read exactly once across micro-batches. The runner encodes the
 * checkpoint mark into Spark state after every micro-batch and decodes it before the next one; it
 * re-creates the reader from it only when its reader cache missed (job generation stalled for 1.5
 * batch intervals), which happens in some runs only, so restores are reported, not required (the
 * reader tests and the DirectRunner test cover them).
 */
class SensorFilesSourceSparkTest {
  private static final Duration TIMEOUT = Duration.standardMinutes(3);
  private static final long BATCH_INTERVAL_MILLIS = 500;

  /** How often each row reached the counting step; the JVM is shared with local Spark. */
  private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();

  @TempDir Path root;

  static class RecordRowFn extends DoFn<GenericRecord, Void> {
    @ProcessElement
    public void processElement(@Element GenericRecord row, @Timestamp Instant timestamp) {
      SEEN.merge(timestamp.getMillis() + " " + row, 1, Integer::sum);
    }
  }

  /**
   * Drops the cached blocks Spark would drop first under memory pressure, the least recently used,
   * through the memory store's own eviction (which skips blocks being read), as it did at 1,000
   * cars with a 1 GiB heap, where half the rows of a run went missing. It runs at the end of the
   * locations' bundles, so the accelerations' output job of the same micro-batch, and the next
   * micro-batch's read, recompute the source's micro-batch from its lineage.
   */
  static class DropCachedBlocksFn extends DoFn<GenericRecord, Void> {
    @ProcessElement
    public void processElement(@Element GenericRecord row) {}

    @FinishBundle
    public void finishBundle() {
      MemoryStore memory = SparkEnv.get().blockManager().memoryStore();
      for (int block = 0; block < 50; block++) {
        if (memory.evictBlocksToFreeSpace(Option.empty(), 1, MemoryMode.ON_HEAP) > 0) {
          DROPS.incrementAndGet();
        }
      }
    }
  }

  private static final AtomicLong DROPS = new AtomicLong();

  @Test
  void filesPublishedDuringAStreamingRunOnSparkAreReadExactlyOnce() throws Exception {
    runAndCheckEveryRowSeenOnce(false);
  }

  @Test
  void rowsAreReadExactlyOnceWhenSparkLosesTheCachedMicroBatches() throws Exception {
    DROPS.set(0);
    long replaysBefore = RepeatableBatchesReader.replays();
    runAndCheckEveryRowSeenOnce(true);
    assertThat(DROPS.get(), greaterThan(0L));
    assertThat(RepeatableBatchesReader.replays(), greaterThan(replaysBefore));
  }

  private PipelineResult runAndCheckEveryRowSeenOnce(boolean loseCachedBatches) throws Exception {
    SEEN.clear();
    SensorInputFolder folder = new SensorInputFolder(root);
    List<StagedFile> files = folder.stageRealSlices(12);
    Map<String, Integer> expected = new HashMap<>();
    for (Topic topic : Topic.values()) {
      for (GenericRecord row : SensorInputFolder.canonicalRows(files, topic)) {
        long millis = Math.floorDiv((Long) row.get("timestamp"), 1000L);
        expected.merge(millis + " " + row, 1, Integer::sum);
      }
    }
    long rowCount = files.stream().mapToLong(f -> f.rows().size()).sum();

    SparkPipelineOptions options = PipelineOptionsFactory.as(SparkPipelineOptions.class);
    options.setRunner(SparkRunner.class);
    options.setStreaming(true);
    options.setSparkMaster("local[2]");
    options.setBatchIntervalMillis(BATCH_INTERVAL_MILLIS);
    options.setMinReadTimeMillis(200L);
    // Small micro-batches of small chunks (30 elements of up to 10 rows), so that marks are taken
    // between files and inside them.
    options.setMaxRecordsPerBatch(30L);
    options.setCheckpointDir(root.resolve("spark-checkpoint").toString());
    options.setEnableSparkMetricSinks(false);
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple rows =
        pipeline.apply(
            ReadSensorStreams.from(
                folder.config().withPollInterval(Duration.millis(100)).withMaxRowsPerElement(10)));
    for (Topic topic : Topic.values()) {
      rows.get(ReadSensorStreams.tagOf(topic))
          .apply("Record " + topic, ParDo.of(new RecordRowFn()));
    }
    if (loseCachedBatches) {
      rows.get(ReadSensorStreams.LOCATIONS)
          .apply("Drop cached blocks", ParDo.of(new DropCachedBlocksFn()));
    }

    AtomicReference<Throwable> publishingFailure = new AtomicReference<>();
    Thread publisher =
        new Thread(
            () -> {
              try {
                Thread.sleep(2000);
                for (StagedFile file : files) {
                  folder.publish(file);
                  Thread.sleep(40);
                }
                folder.complete();
              } catch (Throwable e) {
                publishingFailure.set(e);
              }
            },
            "publisher");

    MetricsAccumulator.clear();
    GlobalWatermarkHolder.clear();
    Instant started = Instant.now();
    PipelineResult result = pipeline.run();
    try {
      publisher.start();
      Instant deadline = started.plus(TIMEOUT);
      while (!(counter(result, SensorSourceMetrics.END_OF_STREAM) == 1
          && SEEN.values().stream().mapToLong(Integer::longValue).sum() >= rowCount)) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "no end of stream within "
                  + TIMEOUT
                  + ": "
                  + counter(result, SensorSourceMetrics.ROWS_READ)
                  + " of "
                  + rowCount
                  + " rows read by the source, "
                  + SEEN.values().stream().mapToLong(Integer::longValue).sum()
                  + " seen downstream, end-of-stream counter "
                  + counter(result, SensorSourceMetrics.END_OF_STREAM));
        }
        Thread.sleep(200);
      }
      System.out.printf(
          "Spark smoke test: %d rows in %d files read in %d ms after the start (publishing took"
              + " %d ms), %d reader restores from checkpoint marks%n",
          rowCount,
          files.size(),
          Instant.now().getMillis() - started.getMillis(),
          2000 + 40L * files.size(),
          counter(result, SensorSourceMetrics.READER_RESTORES));
      // Two more micro-batches: rows read twice would show up now.
      Thread.sleep(1000);
    } finally {
      result.cancel();
      GlobalWatermarkHolder.clear();
      publisher.join();
    }
    assertThat(publishingFailure.get(), equalTo(null));
    assertThat(rowCount, greaterThan(1000L));
    assertThat(SEEN, equalTo(expected));
    assertThat(counter(result, SensorSourceMetrics.ROWS_READ), equalTo(rowCount));
    assertThat(counter(result, SensorSourceMetrics.FILES_READ), equalTo((long) files.size()));
    return result;
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(SensorSourceMetrics.NAMESPACE, name))
                    .build())
            .getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}

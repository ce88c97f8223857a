package io.github.bddreplay.pipelines.source;

import static io.github.bddreplay.pipelines.source.SensorInputFolder.START;
import static io.github.bddreplay.pipelines.source.SensorInputFolder.location;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.source.SensorInputFolder.StagedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReadSensorStreams} in pipelines on the DirectRunner, continuously and bounded. */
@ExtendWith(TestPipelineExtension.class)
class ReadSensorStreamsTest {
  /** Real slices t=000.0 to t=041.5. */
  private static final int REAL_SLICES = 12;

  @TempDir Path root;

  /** A row as a string of its element timestamp and all its fields, for exact comparison. */
  static class DescribeRowFn extends DoFn<GenericRecord, String> {
    @ProcessElement
    public void processElement(
        @Element GenericRecord row, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.output(describe(timestamp, row));
    }
  }

  private static String describe(Instant timestamp, GenericRecord row) {
    return timestamp.getMillis() + " " + row;
  }

  /** What the source must deliver for {@code files}: canonical rows at their event time. */
  private static List<String> expected(List<StagedFile> files, Topic topic) {
    return SensorInputFolder.canonicalRows(files, topic).stream()
        .map(row -> describe(new Instant(Math.floorDiv((Long) row.get("timestamp"), 1000L)), row))
        .toList();
  }

  private static void assertRows(PCollectionTuple rows, List<StagedFile> files) {
    for (Topic topic : Topic.values()) {
      PCollection<GenericRecord> topicRows = rows.get(ReadSensorStreams.tagOf(topic));
      assertThat(topicRows.getCoder(), equalTo(AvroCoder.of(GenericRecord.class, topic.schema())));
      PAssert.that(topicRows.apply("Describe " + topic, ParDo.of(new DescribeRowFn())))
          .containsInAnyOrder(expected(files, topic));
    }
  }

  private static long counter(PipelineResult result, String name) {
    Iterable<MetricResult<Long>> counters =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(SensorSourceMetrics.NAMESPACE, name))
                    .build())
            .getCounters();
    long total = 0;
    for (MetricResult<Long> counter : counters) {
      total += counter.getAttempted();
    }
    return total;
  }

  @Test
  void continuousReadingDeliversFilesPublishedWhileRunningExactlyOnceAndEnds(TestPipeline pipeline)
      throws Exception {
    // Chunks of up to 5 rows: most files (up to ~60 rows) travel in several, the last one shorter.
    readContinuously(pipeline, 5);
  }

  @Test
  void readersTheDirectRunnerRestoresFromTheirMarksContinueExactly(TestPipeline pipeline)
      throws Exception {
    // A row per element: the DirectRunner re-creates the reader from its checkpoint mark after 5%
    // of its bundles (of at most 10 elements). Over the 200-odd bundles of these 2,000-odd rows,
    // the chance of no restore at all is about 1 in 50,000; with larger chunks, fewer bundles
    // would make it a matter of luck.
    PipelineResult result = readContinuously(pipeline, 1);
    assertThat(counter(result, SensorSourceMetrics.READER_RESTORES), greaterThan(0L));
  }

  /**
   * Reads real slices published while the pipeline runs, then a bad file, a late extra file and the
   * end-of-stream marker, with chunks of {@code rowsPerElement} rows; checks every row at its event
   * time, once, and the source's counters.
   */
  private PipelineResult readContinuously(TestPipeline pipeline, int rowsPerElement)
      throws Exception {
    SensorInputFolder folder = new SensorInputFolder(root);
    List<StagedFile> staged = folder.stageRealSlices(REAL_SLICES);
    StagedFile extra =
        folder.stage(
            "locations/t=099.0/car-z.parquet",
            Topic.LOCATIONS,
            List.of(location("car-z", START.plus(Duration.standardSeconds(99)), 7.5)));
    List<StagedFile> files = Stream.concat(staged.stream(), Stream.of(extra)).toList();

    AtomicReference<Throwable> publishingFailure = new AtomicReference<>();
    Thread publisher =
        new Thread(
            () -> {
              try {
                String slice = null;
                for (StagedFile file : staged) {
                  String fileSlice = file.relativePath().split("/")[1];
                  if (!fileSlice.equals(slice)) {
                    Thread.sleep(300);
                    slice = fileSlice;
                  }
                  folder.publish(file);
                }
                folder.publishBytes(
                    "accelerations/t=099.0/broken.parquet",
                    "no parquet".getBytes(StandardCharsets.UTF_8));
                folder.publish(extra);
                Thread.sleep(300);
                folder.complete();
              } catch (Throwable e) {
                publishingFailure.set(e);
              }
            },
            "publisher");

    PCollectionTuple rows =
        pipeline.apply(
            ReadSensorStreams.from(folder.config().withMaxRowsPerElement(rowsPerElement)));
    assertThat(
        rows.get(ReadSensorStreams.LOCATIONS).isBounded(), is(PCollection.IsBounded.UNBOUNDED));
    assertRows(rows, files);

    publisher.start();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    publisher.join();
    assertThat(publishingFailure.get(), equalTo(null));

    int rowCount = files.stream().mapToInt(f -> f.rows().size()).sum();
    assertThat(rowCount, greaterThan(1000));
    assertThat(counter(result, SensorSourceMetrics.ROWS_READ), equalTo((long) rowCount));
    assertThat(counter(result, SensorSourceMetrics.FILES_READ), equalTo((long) files.size()));
    assertThat(counter(result, SensorSourceMetrics.BAD_FILES), equalTo(1L));
    assertThat(counter(result, SensorSourceMetrics.TOO_LATE_ROWS), equalTo(0L));
    assertThat(counter(result, SensorSourceMetrics.END_OF_STREAM), equalTo(1L));
    assertThat(
        Files.exists(folder.errors().resolve("accelerations/t=099.0/broken.parquet.txt")),
        is(true));
    return result;
  }

  @Test
  void boundedReadingReadsAFinishedFolderOnce(TestPipeline pipeline) throws Exception {
    SensorInputFolder folder = new SensorInputFolder(root);
    List<StagedFile> files = folder.stageRealSlices(2);
    files.forEach(folder::publish);
    folder.publish(
        "locations/t=000.0/_partial.parquet",
        Topic.LOCATIONS,
        List.of(location("hidden", START, 1)));
    folder.publishBytes(
        "locations/t=000.0/broken.parquet", "no parquet".getBytes(StandardCharsets.UTF_8));
    folder.complete();

    PCollectionTuple rows =
        pipeline.apply(ReadSensorStreams.from(folder.config().withStreaming(false)));
    assertThat(
        rows.get(ReadSensorStreams.LOCATIONS).isBounded(), is(PCollection.IsBounded.BOUNDED));
    assertRows(rows, files);

    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    int rowCount = files.stream().mapToInt(f -> f.rows().size()).sum();
    assertThat(counter(result, SensorSourceMetrics.ROWS_READ), equalTo((long) rowCount));
    assertThat(counter(result, SensorSourceMetrics.BAD_FILES), equalTo(1L));
    assertThat(
        Files.readString(folder.errors().resolve("locations/t=000.0/broken.parquet.txt")),
        containsString("not a readable Parquet file"));
  }
}

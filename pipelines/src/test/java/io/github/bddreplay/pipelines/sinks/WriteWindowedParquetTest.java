package io.github.bddreplay.pipelines.sinks;

import static io.github.bddreplay.pipelines.transforms.BddRows.location;
import static io.github.bddreplay.pipelines.transforms.BddRows.window;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.transforms.BddRows;
import io.github.bddreplay.pipelines.transforms.CopyIntoWindows;
import io.github.bddreplay.pipelines.transforms.MeanSpeedPerRoute;
import io.github.bddreplay.pipelines.transforms.MeanSpeedRow;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WriteWindowedParquetTest {
  private static final WindowingSpec SPEC = WindowingSpec.DEFAULT;
  private static final String FIRST_WINDOW = "window-20261124T153000Z-20261124T153015Z";
  private static final String SECOND_WINDOW = "window-20261124T153015Z-20261124T153030Z";

  @RegisterExtension final TestPipelineExtension pipelineExtension = TestPipelineExtension.create();

  @TempDir Path output;

  /** The finished files of a folder, as a reader lists them: dot and underscore entries skipped. */
  private static List<Path> dataFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> !f.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    }
  }

  private static List<GenericRecord> read(Path file) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** Every entry of a folder, hidden ones included. */
  private static List<String> allNames(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertNamedAfterWindowAndDigest(String window, List<Path> files) {
    for (Path file : files) {
      assertThat(file.getFileName().toString(), matchesPattern(window + "-[0-9a-f]{32}\\.parquet"));
    }
  }

  @Test
  void eachPaneOfAnAccumulatingResultIsWrittenOnceAsItComes(TestPipeline pipeline)
      throws IOException {
    TestStream<GenericRecord> locations =
        TestStream.create(BddRows.LOCATION_CODER)
            .addElements(location("L1", "car-a", "ride-a", 1, 10.0))
            .addElements(location("L2", "car-a", "ride-a", 2, 20.0))
            .advanceWatermarkTo(window(0).end().plus(Duration.standardSeconds(10)))
            .addElements(location("L3", "car-a", "ride-a", 3, 30.0))
            .advanceWatermarkToInfinity();
    Path folder = output.resolve("windowed");

    pipeline
        .apply(locations)
        .apply(new MeanSpeedPerRoute(SPEC))
        .apply(WriteWindowedParquet.to(folder + "/", MeanSpeedRow.SCHEMA));
    pipeline.run().waitUntilFinish();

    // Each accumulating pane re-emits the window's whole result as one row, written once.
    List<Path> files = dataFiles(folder);
    assertNamedAfterWindowAndDigest(FIRST_WINDOW, files);
    List<String> paneRows = new ArrayList<>();
    for (Path file : files) {
      for (GenericRecord row : read(file)) {
        paneRows.add(
            row.get("pane_timing")
                + "#"
                + row.get("pane_index")
                + " mean "
                + row.get("mean_speed"));
      }
    }
    assertThat(
        paneRows,
        containsInAnyOrder(
            "EARLY#0 mean 10.0", "EARLY#1 mean 15.0", "ON_TIME#2 mean 15.0", "LATE#3 mean 20.0"));
    assertEquals(files.size(), allNames(folder).size(), "no file left half-written or hidden");
  }

  @Test
  void copiedRowsAreWrittenOnceWithEveryColumnAndReadBackAsWritten(TestPipeline pipeline)
      throws IOException {
    TimestampedValue<GenericRecord> first = location("L1", "car-a", "ride-a", 1, 10.0);
    TimestampedValue<GenericRecord> next = location("L2", "car-b", null, 16, -1.0);
    TimestampedValue<GenericRecord> late = location("L3", "car-a", "ride-a", 2, null);
    TestStream<GenericRecord> locations =
        TestStream.create(BddRows.LOCATION_CODER)
            .addElements(first, next)
            .advanceWatermarkTo(window(1).end().plus(Duration.standardSeconds(5)))
            .addElements(late)
            .advanceWatermarkToInfinity();
    Path folder = output.resolve("simple").resolve("locations");

    pipeline
        .apply(locations)
        .apply(new CopyIntoWindows(SPEC))
        .apply(WriteWindowedParquet.to(folder + "/", Topic.LOCATIONS.schema()));
    pipeline.run().waitUntilFinish();

    List<Path> files = dataFiles(folder);
    assertNamedAfterWindowAndDigest(
        FIRST_WINDOW, files.stream().filter(f -> f.toString().contains(FIRST_WINDOW)).toList());
    assertNamedAfterWindowAndDigest(
        SECOND_WINDOW, files.stream().filter(f -> !f.toString().contains(FIRST_WINDOW)).toList());
    List<String> rowsRead = new ArrayList<>();
    for (Path file : files) {
      read(file).forEach(row -> rowsRead.add(row.toString()));
    }
    assertThat(
        rowsRead,
        containsInAnyOrder(
            first.getValue().toString(), next.getValue().toString(), late.getValue().toString()));
  }

  @Test
  void outputsOfOneSinkGoEachToItsFolderWithItsSchemaAndPanes(TestPipeline pipeline)
      throws IOException {
    TimestampedValue<GenericRecord> first = location("L1", "car-a", "ride-a", 1, 10.0);
    TimestampedValue<GenericRecord> second = location("L2", "car-a", "ride-a", 2, 20.0);
    TestStream<GenericRecord> locations =
        TestStream.create(BddRows.LOCATION_CODER)
            .addElements(first)
            .addElements(second)
            .advanceWatermarkToInfinity();
    Path copies = output.resolve("simple").resolve("locations");
    Path means = output.resolve("windowed");

    PCollection<GenericRecord> read = pipeline.apply(locations);
    PCollectionList.of(read.apply(new CopyIntoWindows(SPEC)))
        .and(read.apply(new MeanSpeedPerRoute(SPEC)))
        .apply(
            WriteWindowedParquet.create()
                .and(copies + "/", Topic.LOCATIONS.schema())
                .and(means + "/", MeanSpeedRow.SCHEMA));
    pipeline.run().waitUntilFinish();

    List<String> copied = new ArrayList<>();
    for (Path file : dataFiles(copies)) {
      read(file).forEach(row -> copied.add(row.toString()));
    }
    assertThat(
        copied, containsInAnyOrder(first.getValue().toString(), second.getValue().toString()));
    List<String> panes = new ArrayList<>();
    for (Path file : dataFiles(means)) {
      read(file)
          .forEach(row -> panes.add(row.get("pane_timing") + " mean " + row.get("mean_speed")));
    }
    assertThat(
        panes, containsInAnyOrder("EARLY mean 10.0", "EARLY mean 15.0", "ON_TIME mean 15.0"));
    assertNamedAfterWindowAndDigest(FIRST_WINDOW, dataFiles(copies));
    assertNamedAfterWindowAndDigest(FIRST_WINDOW, dataFiles(means));
  }

  @Test
  void windowBoundsAreStoredAsUtcTimestampMicros(TestPipeline pipeline) throws IOException {
    TestStream<GenericRecord> locations =
        TestStream.create(BddRows.LOCATION_CODER)
            .addElements(location("L1", "car-a", "ride-a", 1, 10.0))
            .advanceWatermarkToInfinity();
    Path folder = output.resolve("windowed");

    pipeline
        .apply(locations)
        .apply(new MeanSpeedPerRoute(SPEC))
        .apply(WriteWindowedParquet.to(folder + "/", MeanSpeedRow.SCHEMA));
    pipeline.run().waitUntilFinish();

    Path file = dataFiles(folder).get(0);
    LogicalTypeAnnotation utcMicros = LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS);
    assertEquals(
        utcMicros,
        ParquetFiles.readSchema(file).getType("window_start").getLogicalTypeAnnotation());
    assertEquals(
        utcMicros, ParquetFiles.readSchema(file).getType("window_end").getLogicalTypeAnnotation());
    GenericRecord row = read(file).get(0);
    assertEquals(window(0).start().getMillis() * 1000L, row.get("window_start"));
    assertEquals(window(0).end().getMillis() * 1000L, row.get("window_end"));
  }

  @Test
  void writingTheSameRowsAgainReplacesTheirFilesInsteadOfAddingCopies() throws IOException {
    Path folder = output.resolve("simple").resolve("locations");
    List<TimestampedValue<GenericRecord>> rows =
        List.of(
            location("L1", "car-a", "ride-a", 1, 10.0),
            location("L2", "car-b", null, 16, -1.0),
            location("L3", "car-a", "ride-a", 2, null));

    List<String> firstRun = writeWithAFreshPipeline(rows, folder);
    List<String> secondRun = writeWithAFreshPipeline(rows, folder);

    assertEquals(firstRun, secondRun);
  }

  /** Writes {@code rows} with a fresh pipeline and returns the folder's entries afterwards. */
  private static List<String> writeWithAFreshPipeline(
      List<TimestampedValue<GenericRecord>> rows, Path folder) throws IOException {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    pipeline
        .apply(Create.timestamped(rows).withCoder(BddRows.LOCATION_CODER))
        .apply(new CopyIntoWindows(SPEC))
        .apply(WriteWindowedParquet.to(folder + "/", Topic.LOCATIONS.schema()));
    pipeline.run().waitUntilFinish();
    return allNames(folder);
  }
}

package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.transforms.MeanSpeedRow;
import io.github.bddreplay.pipelines.transforms.WindowPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latencies from files on disk: rows found back by (topic, uuid, timestamp), times from the files.
 */
class OutputTimelineTest {
  private static final long T = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli() * 1000;
  private static final long SECOND = 1_000_000;

  @TempDir Path work;

  @Test
  void eachPublicationIsOnDiskWhenItsLastRowIsAndWindowsWhenTheirOnTimePaneIs() throws Exception {
    Path locations =
        write(
            work.resolve("input/locations/t=000.0/p000.parquet"),
            Topic.LOCATIONS.schema(),
            sensorRow(Topic.LOCATIONS.schema(), "car-1", T + SECOND),
            sensorRow(Topic.LOCATIONS.schema(), "car-1", T + 20 * SECOND));
    Path accelerations =
        write(
            work.resolve("input/accelerations/t=000.0/p000.parquet"),
            Topic.ACCELERATIONS.schema(),
            sensorRow(Topic.ACCELERATIONS.schema(), "car-1", T + SECOND),
            sensorRow(Topic.ACCELERATIONS.schema(), "car-2", T + SECOND),
            sensorRow(Topic.ACCELERATIONS.schema(), "car-2", T + 2 * SECOND));

    Path output = work.resolve("output");
    Path simpleLocations =
        write(
            output.resolve("simple/locations/window-a.parquet"),
            Topic.LOCATIONS.schema(),
            sensorRow(Topic.LOCATIONS.schema(), "car-1", T + 20 * SECOND),
            sensorRow(Topic.LOCATIONS.schema(), "car-1", T + SECOND));
    write(
        output.resolve("simple/accelerations/window-a.parquet"),
        Topic.ACCELERATIONS.schema(),
        sensorRow(Topic.ACCELERATIONS.schema(), "car-1", T + SECOND),
        sensorRow(Topic.ACCELERATIONS.schema(), "car-2", T + SECOND),
        sensorRow(Topic.ACCELERATIONS.schema(), "car-9", T + SECOND));
    // An unfinished file in Beam's temporary folder is not on disk for readers yet.
    write(
        output.resolve("simple/accelerations/.temp-beam-1/part.parquet"),
        Topic.ACCELERATIONS.schema(),
        sensorRow(Topic.ACCELERATIONS.schema(), "car-2", T + 2 * SECOND));
    Path windowed =
        write(
            output.resolve("windowed/window-b.parquet"),
            MeanSpeedRow.SCHEMA,
            windowedRow("car-1", T, T + 15 * SECOND, "ON_TIME"),
            windowedRow("car-1", T + 15 * SECOND, T + 30 * SECOND, "EARLY"));

    Instant locationsOnDisk = OutputFile.appeared(simpleLocations);
    Instant published = locationsOnDisk.minusSeconds(2);
    List<PublishedFile> publications =
        List.of(
            new PublishedFile(
                Topic.LOCATIONS.folderName(), "t=000.0", locations, 2, published, published),
            new PublishedFile(
                Topic.ACCELERATIONS.folderName(),
                "t=000.0",
                accelerations,
                3,
                published,
                published));

    OutputTimeline timeline =
        OutputTimeline.read(PublishedRows.read(publications), output, Duration.ofSeconds(5));

    OutputTimeline.SliceOutput locationSlice = timeline.slices().get(0);
    assertThat(locationSlice.complete(), is(true));
    assertThat(locationSlice.latency(), is(Duration.ofSeconds(2)));
    OutputTimeline.SliceOutput accelerationSlice = timeline.slices().get(1);
    assertThat(accelerationSlice.rows(), is(3L));
    assertThat(accelerationSlice.rowsOnDisk(), is(2L));
    assertThat(accelerationSlice.complete(), is(false));
    assertThat(timeline.rowsFromNoPublication(), is(1L));

    // Event time 20 s minus the 5 s delay passes the end of the first window (15 s), not the
    // second.
    assertThat(timeline.windows().size(), is(1));
    OutputTimeline.WindowOutput window = timeline.windows().get(0);
    assertThat(window.windowEnd(), is(Instant.parse("2026-11-24T10:00:15Z")));
    assertThat(window.watermarkPassed(), is(Optional.of(published)));
    assertThat(window.onTimeOnDisk(), is(OutputFile.appeared(windowed)));
    assertThat(timeline.outputFiles(), is(3));
  }

  private static GenericRecord sensorRow(Schema schema, String uuid, long timestampMicros) {
    GenericRecord row = new GenericData.Record(schema);
    row.put("uuid", uuid);
    row.put("timestamp", timestampMicros);
    return row;
  }

  private static GenericRecord windowedRow(
      String uuid, long startMicros, long endMicros, String timing) {
    GenericRecord row = new GenericData.Record(MeanSpeedRow.SCHEMA);
    row.put(MeanSpeedRow.UUID, uuid);
    row.put(WindowPane.WINDOW_START, startMicros);
    row.put(WindowPane.WINDOW_END, endMicros);
    row.put(MeanSpeedRow.FIX_COUNT, 1L);
    row.put(MeanSpeedRow.INVALID_SPEED_COUNT, 0L);
    row.put(WindowPane.PANE_INDEX, 0L);
    row.put(WindowPane.PANE_TIMING, timing);
    return row;
  }

  private static Path write(Path file, Schema schema, GenericRecord... rows) throws Exception {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.openWriter(file, schema, CompressionCodecName.SNAPPY)) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
    return file;
  }
}

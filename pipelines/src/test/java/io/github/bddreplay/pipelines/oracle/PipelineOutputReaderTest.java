package io.github.bddreplay.pipelines.oracle;

import static io.github.bddreplay.pipelines.oracle.TinySource.writeParquet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.parquet.BddSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineOutputReaderTest {
  private static final WindowKey A_FIRST = WindowKey.containing("a", TinySource.START_MICROS);
  private static final WindowKey A_SECOND =
      WindowKey.containing("a", TinySource.START_MICROS + 15_000_000L);
  private static final WindowKey B_FIRST = WindowKey.containing("b", TinySource.START_MICROS);

  @TempDir Path out;

  private PipelineOutputReader reader() {
    return PipelineOutputReader.at(out);
  }

  private void writeWindowed(String relativePath, GenericRecord... rows) throws IOException {
    writeParquet(out.resolve("windowed").resolve(relativePath), FakeOutputs.WINDOWED, List.of(rows));
  }

  private void writeJoined(String relativePath, List<GenericRecord> rows) throws IOException {
    writeParquet(out.resolve("stream-joined").resolve(relativePath), FakeOutputs.JOINED, rows);
  }

  private static GenericRecord speed(WindowKey key, double mean, long fixes, Pane pane) {
    return FakeOutputs.windowedRow(key, "ride-" + key.uuid(), mean, fixes, 0, pane);
  }

  @Test
  void windowedKeepsTheRowOfTheHighestPaneOfEachWindowWhateverTheFileOrder() throws IOException {
    // Files are read in name order, which is not pane order: the highest pane comes neither first
    // nor last.
    writeWindowed("a-on-time.parquet", speed(A_FIRST, 2.0, 2, new Pane(1, Pane.ON_TIME)));
    writeWindowed("b-late.parquet", speed(A_FIRST, 3.0, 3, new Pane(2, Pane.LATE)));
    writeWindowed(
        "c-early.parquet",
        speed(A_FIRST, 1.0, 1, new Pane(0, Pane.EARLY)),
        speed(B_FIRST, 7.0, 1, new Pane(0, Pane.ON_TIME)));
    writeWindowed(
        "nested/d.parquet",
        FakeOutputs.windowedRow(A_SECOND, null, null, 0, 4, new Pane(0, Pane.ON_TIME)));
    // Unfinished and marker files are not output.
    writeWindowed(
        ".temp-beam-1234/a-unfinished.parquet", speed(A_FIRST, 9.0, 9, new Pane(3, Pane.LATE)));
    writeWindowed(".hidden.parquet", speed(A_FIRST, 9.0, 9, new Pane(4, Pane.LATE)));
    Files.writeString(out.resolve("windowed").resolve("_SUCCESS"), "");

    WindowedOutput windowed = reader().windowed();

    assertEquals(Set.of(A_FIRST, A_SECOND, B_FIRST), windowed.finalRows().keySet());
    WindowedRow a = windowed.finalRows().get(A_FIRST);
    assertEquals(3.0, a.meanSpeed());
    assertEquals(3, a.fixCount());
    assertEquals("ride-a", a.rideId());
    assertEquals(new Pane(2, Pane.LATE), a.pane());
    assertEquals(7.0, windowed.finalRows().get(B_FIRST).meanSpeed());
    WindowedRow noFix = windowed.finalRows().get(A_SECOND);
    assertNull(noFix.meanSpeed());
    assertNull(noFix.rideId());
    assertEquals(4, noFix.invalidSpeedCount());
    assertEquals(new PaneStatistics(1, 3, 1, 4), windowed.panes());
  }

  @Test
  void joinedKeepsTheRowsOfTheHighestPaneOfEachWindowAsAMultiset() throws IOException {
    TinySource source = new TinySource(out.resolve("source"));
    GenericRecord loc = source.location("a", "ride", 1.0, 5.0);
    GenericRecord acc1 = source.acceleration("a", "ride", 1.0);
    GenericRecord acc2 = source.acceleration("a", "ride", 2.0);
    GenericRecord accB = source.acceleration("b", "ride-b", 2.0);
    Pane early = new Pane(0, Pane.EARLY);
    Pane onTime = new Pane(1, Pane.ON_TIME);
    writeJoined(
        "pane-0.parquet",
        List.of(
            FakeOutputs.joinedRow(A_FIRST, loc, acc1, early),
            FakeOutputs.joinedRow(B_FIRST, null, accB, early)));
    writeJoined(
        "pane-1.parquet",
        List.of(
            FakeOutputs.joinedRow(A_FIRST, loc, acc1, onTime),
            FakeOutputs.joinedRow(A_FIRST, loc, acc2, onTime),
            FakeOutputs.joinedRow(A_FIRST, loc, acc2, onTime)));
    writeJoined(
        ".temp-beam-1/pane-2.parquet",
        List.of(FakeOutputs.joinedRow(A_FIRST, loc, null, new Pane(2, Pane.LATE))));

    JoinedOutput joined = reader().joined();

    RowFingerprint locSide = RowFingerprint.of(loc, BatchOracle.LOCATION_COLUMNS).prefixed("loc_");
    RowFingerprint row1 =
        locSide.concat(RowFingerprint.of(acc1, BatchOracle.ACCELERATION_COLUMNS).prefixed("acc_"));
    RowFingerprint row2 =
        locSide.concat(RowFingerprint.of(acc2, BatchOracle.ACCELERATION_COLUMNS).prefixed("acc_"));
    assertEquals(Map.of(row1, 1L, row2, 2L), joined.finalRows().get(A_FIRST));
    assertEquals(onTime, joined.finalPanes().get(A_FIRST));
    RowFingerprint onlyB = joined.finalRows().get(B_FIRST).keySet().iterator().next();
    assertNull(onlyB.get("loc_id"));
    assertEquals("ride-b", onlyB.get("acc_ride_id"));
    assertEquals(4, joined.finalRowCount());
    assertEquals(new PaneStatistics(2, 1, 0, 2), joined.panes());
  }

  @Test
  void simpleReadsEveryRowOfEveryFileWithItsSchema() throws IOException {
    TinySource source = new TinySource(out.resolve("source"));
    GenericRecord first = source.location("a", "ride", 1.0, 5.0);
    GenericRecord second = source.location("a", "ride", 2.0, 6.0);
    Path locations = out.resolve("simple").resolve("locations");
    writeParquet(
        locations.resolve("w1/part-0.parquet"), BddSchemas.LOCATIONS_AVRO, List.of(first, second));
    writeParquet(locations.resolve("w2/part-0.parquet"), BddSchemas.LOCATIONS_AVRO, List.of(first));
    writeParquet(
        locations.resolve(".temp-beam-9/part-1.parquet"), BddSchemas.LOCATIONS_AVRO, List.of(second));

    SimpleOutput simple = reader().simple(BddSchemas.LOCATIONS);

    assertEquals(
        Map.of(
            RowFingerprint.of(first, BatchOracle.LOCATION_COLUMNS), 2L,
            RowFingerprint.of(second, BatchOracle.LOCATION_COLUMNS), 1L),
        simple.rows());
    assertEquals(2, simple.files());
    assertEquals(Set.of(BddSchemas.LOCATIONS_PARQUET.toString()), simple.parquetSchemas());
  }

  @Test
  void twoRowsForOneWindowedPaneFailNamingThePane() throws IOException {
    writeWindowed("a.parquet", speed(A_FIRST, 1.0, 1, new Pane(0, Pane.EARLY)));
    writeWindowed("b.parquet", speed(A_FIRST, 2.0, 2, new Pane(0, Pane.EARLY)));

    AssertionError error = assertThrows(AssertionError.class, () -> reader().windowed());

    assertTrue(error.getMessage().contains("pane 0 of " + A_FIRST), error.getMessage());
    assertTrue(error.getMessage().contains("2 rows"), error.getMessage());
  }

  @Test
  void panesThatDisagreeOnTheirTimingFailNamingBothFiles() throws IOException {
    TinySource source = new TinySource(out.resolve("source"));
    GenericRecord loc = source.location("a", "ride", 1.0, 5.0);
    writeJoined(
        "x.parquet", List.of(FakeOutputs.joinedRow(A_FIRST, loc, null, new Pane(1, Pane.ON_TIME))));
    writeJoined(
        "y.parquet", List.of(FakeOutputs.joinedRow(A_FIRST, loc, null, new Pane(1, Pane.LATE))));

    AssertionError error = assertThrows(AssertionError.class, () -> reader().joined());

    assertTrue(error.getMessage().contains("x.parquet"), error.getMessage());
    assertTrue(error.getMessage().contains("y.parquet"), error.getMessage());
  }

  @Test
  void aMissingColumnFailsNamingTheFileAndColumn() throws IOException {
    TinySource source = new TinySource(out.resolve("source"));
    Path file = out.resolve("stream-joined").resolve("locations-only.parquet");
    writeParquet(file, BddSchemas.LOCATIONS_AVRO, List.of(source.location("a", "ride", 1.0, 5.0)));

    AssertionError error = assertThrows(AssertionError.class, () -> reader().joined());

    assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("window_start"), error.getMessage());
  }

  @Test
  void anUnknownPaneTimingFails() throws IOException {
    writeWindowed("a.parquet", speed(A_FIRST, 1.0, 1, new Pane(0, Pane.EARLY)));
    GenericRecord odd = speed(A_FIRST, 1.0, 1, new Pane(1, Pane.EARLY));
    odd.put("pane_timing", "UNKNOWN");
    writeWindowed("b.parquet", odd);

    AssertionError error = assertThrows(AssertionError.class, () -> reader().windowed());

    assertTrue(error.getMessage().contains("b.parquet"), error.getMessage());
    assertTrue(error.getMessage().contains("UNKNOWN"), error.getMessage());
  }

  @Test
  void aVisibleFileThatIsNotParquetFails() throws IOException {
    writeWindowed("a.parquet", speed(A_FIRST, 1.0, 1, new Pane(0, Pane.EARLY)));
    Files.writeString(out.resolve("windowed").resolve("stray.txt"), "?");

    AssertionError error = assertThrows(AssertionError.class, () -> reader().windowed());

    assertTrue(error.getMessage().contains("stray.txt"), error.getMessage());
  }

  @Test
  void aMissingOutputFolderFails() {
    IOException error = assertThrows(IOException.class, () -> reader().joined());

    assertTrue(error.getMessage().contains("stream-joined"), error.getMessage());
  }

  @Test
  void anUnreadableFileFailsNamingIt() throws IOException {
    Files.createDirectories(out.resolve("windowed"));
    Path broken = out.resolve("windowed").resolve("broken.parquet");
    Files.writeString(broken, "not parquet");

    IOException error = assertThrows(IOException.class, () -> reader().windowed());

    assertTrue(error.getMessage().contains(broken.toString()), error.getMessage());
  }
}

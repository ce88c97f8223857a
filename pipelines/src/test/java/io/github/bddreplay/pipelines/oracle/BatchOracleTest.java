package io.github.bddreplay.pipelines.oracle;

import static io.github.bddreplay.pipelines.oracle.TinySource.START_MICROS;
import static io.github.bddreplay.pipelines.oracle.TinySource.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.parquet.BddSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOracleTest {
  private static final String L = BddSchemas.LOCATIONS;
  private static final String A = BddSchemas.ACCELERATIONS;
  private static final long FIFTEEN_SECONDS = 15_000_000L;

  @TempDir Path dir;

  private TinySource source() {
    return new TinySource(dir);
  }

  private static WindowKey window(String uuid, String start) {
    long startMicros = micros(start);
    return new WindowKey(uuid, startMicros, startMicros + FIFTEEN_SECONDS);
  }

  @Test
  void aRowAtExactlyFifteenSecondsStartsTheNextWindow() throws IOException {
    TinySource source = source();
    source.write(
        L,
        "000.0",
        "car",
        List.of(
            source.location("car", "ride", 0.0, 1.0),
            source.location("car", "ride", 14.999, 2.0),
            // 14_999_999.4 µs rounds down: still in the first window.
            source.location("car", "ride", 14.9999994, 3.0),
            // 14_999_999.6 µs rounds up to exactly 15 s.
            source.location("car", "ride", 14.9999996, 10.0),
            source.location("car", "ride", 15.0, 20.0),
            source.location("car", "ride", 29.9995, 30.0),
            source.location("car", "ride", 30.0, 40.0)));

    Map<WindowKey, ExpectedWindow> windowed = BatchOracle.compute(dir, START_MICROS).windowed();

    assertEquals(
        List.of(
            window("car", "2026-11-24T10:00:00Z"),
            window("car", "2026-11-24T10:00:15Z"),
            window("car", "2026-11-24T10:00:30Z")),
        List.copyOf(windowed.keySet()));
    ExpectedWindow first = windowed.get(window("car", "2026-11-24T10:00:00Z"));
    assertEquals(3, first.fixCount());
    assertEquals(2.0, first.meanSpeed());
    ExpectedWindow second = windowed.get(window("car", "2026-11-24T10:00:15Z"));
    assertEquals(3, second.fixCount());
    assertEquals(20.0, second.meanSpeed());
    assertEquals(40.0, windowed.get(window("car", "2026-11-24T10:00:30Z")).meanSpeed());
  }

  @Test
  void aRowJustBeforeTheStartBelongsToThePreviousWindow() throws IOException {
    TinySource source = source();
    source.write(L, "000.0", "car", List.of(source.location("car", "ride", -0.05, 1.0)));

    Map<WindowKey, ExpectedWindow> windowed = BatchOracle.compute(dir, START_MICROS).windowed();

    assertEquals(Set.of(window("car", "2026-11-24T09:59:45Z")), windowed.keySet());
  }

  @Test
  void windowsAreAlignedOnTheEpochNotOnTheReplayStart() throws IOException {
    TinySource source = source();
    source.write(
        L,
        "000.0",
        "car",
        List.of(
            source.location("car", "ride", 7.999, 1.0), source.location("car", "ride", 8.0, 2.0)));

    Map<WindowKey, ExpectedWindow> windowed =
        BatchOracle.compute(dir, micros("2026-11-24T10:00:07Z")).windowed();

    assertEquals(1.0, windowed.get(window("car", "2026-11-24T10:00:00Z")).meanSpeed());
    assertEquals(2.0, windowed.get(window("car", "2026-11-24T10:00:15Z")).meanSpeed());
  }

  @Test
  void invalidSpeedsAreCountedButKeptOutOfTheMean() throws IOException {
    TinySource source = source();
    source.write(
        L,
        "000.0",
        "car",
        List.of(
            source.location("car", "ride", 1.0, 10.0),
            source.location("car", "ride", 2.0, 20.0),
            source.location("car", "ride", 3.0, -1.0),
            source.location("car", "ride", 4.0, null),
            source.location("car", "ride", 5.0, 0.0),
            source.location("car", "ride", 16.0, -1.0),
            source.location("car", "ride", 17.0, null)));

    Map<WindowKey, ExpectedWindow> windowed = BatchOracle.compute(dir, START_MICROS).windowed();

    ExpectedWindow mixed = windowed.get(window("car", "2026-11-24T10:00:00Z"));
    assertEquals(10.0, mixed.meanSpeed());
    assertEquals(3, mixed.fixCount());
    assertEquals(2, mixed.invalidSpeedCount());
    ExpectedWindow allInvalid = windowed.get(window("car", "2026-11-24T10:00:15Z"));
    assertNull(allInvalid.meanSpeed());
    assertEquals(0, allInvalid.fixCount());
    assertEquals(2, allInvalid.invalidSpeedCount());
  }

  @Test
  void theRideIdIsAnyNonNullOneOfTheWindowAndNullOnlyWhenThereIsNone() throws IOException {
    TinySource source = source();
    source.write(
        L,
        "000.0",
        "known",
        List.of(source.location("known", null, 1.0, 1.0), source.location("known", "ride", 2.0, 1.0)));
    source.write(L, "000.0", "unknown", List.of(source.location("unknown", null, 1.0, 1.0)));

    Map<WindowKey, ExpectedWindow> windowed = BatchOracle.compute(dir, START_MICROS).windowed();

    ExpectedWindow known = windowed.get(window("known", "2026-11-24T10:00:00Z"));
    assertEquals(Set.of("ride"), known.rideIds());
    assertTrue(known.acceptsRideId("ride"));
    assertFalse(known.acceptsRideId(null));
    assertFalse(known.acceptsRideId("other"));
    ExpectedWindow unknown = windowed.get(window("unknown", "2026-11-24T10:00:00Z"));
    assertEquals(Set.of(), unknown.rideIds());
    assertTrue(unknown.acceptsRideId(null));
    assertFalse(unknown.acceptsRideId("ride"));
  }

  @Test
  void simpleRowsAreTheSourceRowsWithTheReplayedTimestampEachAsOftenAsInTheSource()
      throws IOException {
    TinySource source = source();
    GenericRecord location = source.location("car", "ride", 1.25, 10.0);
    GenericRecord acceleration = source.acceleration("car", "ride", 2.5);
    source.write(L, "000.0", "car", List.of(location, location));
    source.write(A, "000.0", "car", List.of(acceleration, source.acceleration("car", "ride", null)));

    BatchOracle oracle = BatchOracle.compute(dir, START_MICROS);

    Map<RowFingerprint, Long> locations = oracle.simpleRows(L);
    assertEquals(1, locations.size());
    RowFingerprint row = locations.keySet().iterator().next();
    assertEquals(2L, locations.get(row));
    assertEquals(START_MICROS + 1_250_000L, row.get("timestamp"));
    assertEquals("loc-1", row.get("id"));
    assertEquals(RowFingerprint.DoubleBits.of(1.25), row.get("offset"));
    assertEquals(RowFingerprint.DoubleBits.of(10.0), row.get("speed"));
    assertEquals(BatchOracle.LOCATION_COLUMNS, row.columns());

    Map<RowFingerprint, Long> accelerations = oracle.simpleRows(A);
    assertEquals(1, Multisets.size(accelerations), "the row without offset has no event time");
    assertEquals(
        START_MICROS + 2_500_000L, accelerations.keySet().iterator().next().get("timestamp"));
    assertEquals(1, oracle.source().rowsWithoutOffset());
  }

  @Test
  void theJoinPairsEveryLocationWithEveryAccelerationOfTheSameCarAndWindow() throws IOException {
    TinySource source = source();
    source.write(
        L,
        "000.0",
        "car",
        List.of(source.location("car", "ride", 1.0, 1.0), source.location("car", "ride", 2.0, 2.0)));
    source.write(
        A,
        "000.0",
        "car",
        List.of(
            source.acceleration("car", "ride", 1.1),
            source.acceleration("car", "ride", 1.2),
            source.acceleration("car", "ride", 1.3)));
    // Another car in the same window: joins with none of the above.
    source.write(A, "000.0", "other", List.of(source.acceleration("other", "ride2", 1.0)));

    BatchOracle oracle = BatchOracle.compute(dir, START_MICROS);

    Map<RowFingerprint, Long> rows = oracle.joined().get(window("car", "2026-11-24T10:00:00Z"));
    assertEquals(6, Multisets.size(rows));
    Set<String> pairs = new TreeSet<>();
    for (RowFingerprint row : rows.keySet()) {
      pairs.add(row.get("loc_id") + "+" + row.get("acc_id"));
      assertEquals("car", row.get("loc_uuid"));
      assertEquals("car", row.get("acc_uuid"));
    }
    assertEquals(
        Set.of(
            "loc-1+acc-3", "loc-1+acc-4", "loc-1+acc-5", "loc-2+acc-3", "loc-2+acc-4", "loc-2+acc-5"),
        pairs);
    assertEquals(7, oracle.joinedRowCount());
    assertEquals(BatchOracle.JOINED_COLUMNS, rows.keySet().iterator().next().columns());
  }

  @Test
  void aCarInOnlyOneTopicIsJoinedWithNullsAndHasWindowedRowsOnlyForLocations() throws IOException {
    TinySource source = source();
    source.write(
        L,
        "000.0",
        "driving",
        List.of(
            source.location("driving", "r1", 1.0, 1.0), source.location("driving", "r1", 2.0, 2.0)));
    source.write(
        A,
        "000.0",
        "parked",
        List.of(
            source.acceleration("parked", "r2", 1.0),
            source.acceleration("parked", "r2", 2.0),
            source.acceleration("parked", "r2", 3.0)));

    BatchOracle oracle = BatchOracle.compute(dir, START_MICROS);

    Map<RowFingerprint, Long> driving = oracle.joined().get(window("driving", "2026-11-24T10:00:00Z"));
    assertEquals(2, Multisets.size(driving));
    for (RowFingerprint row : driving.keySet()) {
      assertEquals("driving", row.get("loc_uuid"));
      for (String column : BatchOracle.ACCELERATION_COLUMNS) {
        assertNull(row.get("acc_" + column), column);
      }
    }
    Map<RowFingerprint, Long> parked = oracle.joined().get(window("parked", "2026-11-24T10:00:00Z"));
    assertEquals(3, Multisets.size(parked));
    for (RowFingerprint row : parked.keySet()) {
      assertEquals("parked", row.get("acc_uuid"));
      for (String column : BatchOracle.LOCATION_COLUMNS) {
        assertNull(row.get("loc_" + column), column);
      }
    }
    assertEquals(Set.of(window("driving", "2026-11-24T10:00:00Z")), oracle.windowed().keySet());
    assertEquals(Set.of("driving", "parked"), oracle.cars());
  }

  @Test
  void rowsOfOneCarInNeighbouringWindowsDoNotJoin() throws IOException {
    TinySource source = source();
    source.write(L, "000.0", "car", List.of(source.location("car", "ride", 14.9, 1.0)));
    source.write(A, "000.0", "car", List.of(source.acceleration("car", "ride", 15.1)));

    BatchOracle oracle = BatchOracle.compute(dir, START_MICROS);

    RowFingerprint early =
        single(oracle.joined().get(window("car", "2026-11-24T10:00:00Z")));
    assertEquals("loc-1", early.get("loc_id"));
    assertNull(early.get("acc_id"));
    RowFingerprint late = single(oracle.joined().get(window("car", "2026-11-24T10:00:15Z")));
    assertNull(late.get("loc_id"));
    assertEquals("acc-2", late.get("acc_id"));
  }

  @Test
  void rowsWithoutUuidFormTheirOwnRoute() throws IOException {
    TinySource source = source();
    source.write(L, "000.0", "anonymous", List.of(source.location(null, "ride", 1.0, 4.0)));

    BatchOracle oracle = BatchOracle.compute(dir, START_MICROS);

    assertEquals(4.0, oracle.windowed().get(window(null, "2026-11-24T10:00:00Z")).meanSpeed());
    assertEquals(Set.of(), oracle.cars());
  }

  @Test
  void hiddenFilesAndFoldersAreNotData() throws IOException {
    TinySource source = source();
    source.write(L, "000.0", "car", List.of(source.location("car", "ride", 1.0, 1.0)));
    source.write(L, "000.0", ".car", List.of(source.location("car", "ride", 2.0, 1.0)));
    source.write(L, "000.0", "_car", List.of(source.location("car", "ride", 3.0, 1.0)));
    TinySource.writeParquet(
        dir.resolve(L).resolve(".staging").resolve("car.parquet"),
        BddSchemas.LOCATIONS_AVRO,
        List.of(source.location("car", "ride", 4.0, 1.0)));

    assertEquals(1, Multisets.size(BatchOracle.compute(dir, START_MICROS).simpleRows(L)));
  }

  @Test
  void aSourceFileWithAnotherSchemaFailsNamingTheFile() throws IOException {
    TinySource source = source();
    Path misplaced =
        source.write(L, "000.0", "car", List.of(source.acceleration("car", "ride", 1.0)));

    IOException error =
        assertThrows(IOException.class, () -> BatchOracle.compute(dir, START_MICROS));

    assertTrue(error.getMessage().contains(misplaced.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("schema"), error.getMessage());
  }

  @Test
  void aMissingTopicFolderFails() throws IOException {
    TinySource source = source();
    source.write(L, "000.0", "car", List.of(source.location("car", "ride", 1.0, 1.0)));
    Files.delete(dir.resolve(A));

    IOException error =
        assertThrows(IOException.class, () -> BatchOracle.compute(dir, START_MICROS));

    assertTrue(error.getMessage().contains("accelerations"), error.getMessage());
  }

  @Test
  void theMeanIsThePlainMeanOfManyValues() throws IOException {
    TinySource source = source();
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(source.location("car", "ride", 0.1 * i, 0.1 * i + 1e-3));
    }
    source.write(L, "000.0", "car", rows);

    ExpectedWindow only =
        BatchOracle.compute(dir, START_MICROS).windowed().get(window("car", "2026-11-24T10:00:00Z"));

    assertEquals(100, only.fixCount());
    assertEquals(4.951, only.meanSpeed(), 1e-12);
  }

  private static RowFingerprint single(Map<RowFingerprint, Long> rows) {
    assertEquals(1, Multisets.size(rows), "rows: " + rows);
    return rows.keySet().iterator().next();
  }
}

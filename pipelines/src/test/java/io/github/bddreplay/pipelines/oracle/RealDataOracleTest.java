package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.testing.RealData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.parquet.BddSchemas;
import io.github.bddreplay.parquet.ParquetFiles;
import io.github.bddreplay.replay.DisorderPlan;
import io.github.bddreplay.replay.ReplayClock;
import io.github.bddreplay.replay.ReplayConfig;
import io.github.bddreplay.replay.Replayer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle over the real data set, replayed from 2026-11-24T10:00:00Z: its totals agree with
 * the known size of the data set and with each other, and the rows it expects are the rows the
 * replayer publishes.
 */
class RealDataOracleTest {
  private static final long START_MICROS = TinySource.micros("2026-11-24T10:00:00Z");
  private static final int LOCATION_ROWS = 478;
  private static final int ACCELERATION_ROWS = 23_512;
  private static final int CARS = 35;

  private static BatchOracle oracle;

  @BeforeAll
  static void computeOverTheRealData() throws IOException {
    oracle = BatchOracle.compute(realData(), START_MICROS);
    System.out.println(
        "Oracle over the real data, replay start 2026-11-24T10:00:00Z:\n" + oracle.summary());
  }

  /** The real data set; fails (never skips) when it is missing, so CI cannot pass without it. */
  private static Path realData() {
    return RealData.dir();
  }

  @Test
  void everySourceRowIsExpectedOnceInTheSimpleOutput() {
    assertEquals(0, oracle.source().rowsWithoutOffset());
    assertEquals(LOCATION_ROWS, Multisets.size(oracle.simpleRows(BddSchemas.LOCATIONS)));
    assertEquals(ACCELERATION_ROWS, Multisets.size(oracle.simpleRows(BddSchemas.ACCELERATIONS)));
    assertEquals(CARS, oracle.cars().size());
  }

  @Test
  void everyLocationRowCountsInExactlyOneWindow() {
    long fixes =
        oracle.windowed().values().stream()
            .mapToLong(window -> window.fixCount() + window.invalidSpeedCount())
            .sum();
    assertEquals(LOCATION_ROWS, fixes);
    long invalid =
        oracle.windowed().values().stream().mapToLong(ExpectedWindow::invalidSpeedCount).sum();
    assertEquals(1, invalid, "the one fix with speed -1");
    Set<String> windowedCars =
        oracle.windowed().keySet().stream().map(WindowKey::uuid).collect(Collectors.toSet());
    assertEquals(CARS, windowedCars.size(), "every car has location rows");
  }

  @Test
  void theWindowsSpanTheReplay() {
    // Slices run from t=0 to t=121.4 with rows up to 1.6 s after their slice, none 1 s before.
    for (WindowKey key : oracle.joined().keySet()) {
      assertTrue(key.windowEndMicros() > START_MICROS - 1_000_000L, key::toString);
      assertTrue(key.windowStartMicros() <= START_MICROS + 123_000_000L, key::toString);
      assertEquals(15_000_000L, key.windowEndMicros() - key.windowStartMicros());
    }
  }

  @Test
  void theJoinHasTheSizeOfAFullOuterJoinPerCarAndWindow() {
    Map<List<Object>, Long> locations = countByCarAndWindow(oracle.source().locations());
    Map<List<Object>, Long> accelerations = countByCarAndWindow(oracle.source().accelerations());
    Set<List<Object>> keys = new HashSet<>(locations.keySet());
    keys.addAll(accelerations.keySet());
    long expectedRows = 0;
    for (List<Object> key : keys) {
      long l = locations.getOrDefault(key, 0L);
      long a = accelerations.getOrDefault(key, 0L);
      expectedRows += l > 0 && a > 0 ? l * a : l + a;
    }
    assertEquals(keys.size(), oracle.joined().size());
    assertEquals(expectedRows, oracle.joinedRowCount());
    assertTrue(oracle.joined().keySet().containsAll(oracle.windowed().keySet()));
  }

  @Test
  void everySourceRowAppearsOnItsSideOfTheJoin() {
    assertEquals(
        distinctPrefixed(BddSchemas.LOCATIONS, BatchOracle.LOCATION_PREFIX),
        joinedSides(BatchOracle.LOCATION_PREFIX, BatchOracle.LOCATION_COLUMNS));
    assertEquals(
        distinctPrefixed(BddSchemas.ACCELERATIONS, BatchOracle.ACCELERATION_PREFIX),
        joinedSides(BatchOracle.ACCELERATION_PREFIX, BatchOracle.ACCELERATION_COLUMNS));
  }

  @Test
  void theOracleReplaysTheSourceAsTheReplayerDoes(@TempDir Path results) throws Exception {
    ReplayConfig config =
        new ReplayConfig(
            realData(),
            results,
            Double.POSITIVE_INFINITY,
            Instant.parse("2026-11-24T10:00:00Z"),
            1,
            DisorderPlan.NONE,
            CompressionCodecName.SNAPPY,
            2,
            true);
    new Replayer(config, ReplayClock.SYSTEM, new PrintStream(OutputStream.nullOutputStream())).run();

    for (String topic : List.of(BddSchemas.LOCATIONS, BddSchemas.ACCELERATIONS)) {
      List<String> columns =
          topic.equals(BddSchemas.LOCATIONS)
              ? BatchOracle.LOCATION_COLUMNS
              : BatchOracle.ACCELERATION_COLUMNS;
      List<RowFingerprint> published = new ArrayList<>();
      List<Path> files = DataFiles.visibleUnder(results.resolve("input").resolve(topic));
      for (Path file : files) {
        try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
          for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
            published.add(RowFingerprint.of(row, columns));
          }
        }
      }
      SimpleOutput replayed = new SimpleOutput(Multisets.of(published), Set.of(), files.size());
      OracleAssertions.assertSimpleEquals(topic, oracle.simpleRows(topic), replayed);
    }
  }

  /** Rows per (uuid, 15 s window index), from the event time in milliseconds. */
  private static Map<List<Object>, Long> countByCarAndWindow(List<GenericRecord> rows) {
    Map<List<Object>, Long> counts = new HashMap<>();
    for (GenericRecord row : rows) {
      long millis = Math.floorDiv((Long) row.get("timestamp"), 1000L);
      counts.merge(
          List.of(String.valueOf(row.get("uuid")), Math.floorDiv(millis, 15_000L)), 1L, Long::sum);
    }
    return counts;
  }

  private static Set<RowFingerprint> distinctPrefixed(String topic, String prefix) {
    return oracle.simpleRows(topic).keySet().stream()
        .map(row -> row.prefixed(prefix))
        .collect(Collectors.toSet());
  }

  /** The distinct non-null sides of the joined rows, in the given side's prefixed columns. */
  private static Set<RowFingerprint> joinedSides(String prefix, List<String> columns) {
    List<String> prefixed = RowFingerprint.prefixed(prefix, columns);
    Set<RowFingerprint> sides = new HashSet<>();
    for (Map<RowFingerprint, Long> rows : oracle.joined().values()) {
      for (RowFingerprint row : rows.keySet()) {
        RowFingerprint side =
            new RowFingerprint(prefixed, prefixed.stream().map(row::get).toList());
        if (!side.equals(RowFingerprint.allNull(prefixed))) {
          sides.add(side);
        }
      }
    }
    return sides;
  }
}

package io.github.bddreplay.replayer.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays of the real data set on the wall clock. */
class ReplayerRealDataTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00.123456Z");
  private static final long START_MICROS = 1_795_514_400_123_456L;

  @TempDir Path results;

  private static ReplayConfig config(Path results, double speedup) {
    return new ReplayConfig(
        RealData.dir(),
        results,
        speedup,
        START,
        1,
        DisorderPlan.NONE,
        CompressionCodecName.SNAPPY,
        2,
        true);
  }

  @Test
  void publishesEveryRowWithItsEventTimeAndEveryOtherColumnUnchanged() throws Exception {
    ReplaySummary summary = new Replayer(config(results, 50), ReplayClock.SYSTEM, System.out).run();

    assertThat(summary.warnings(), is(empty()));
    assertThat(summary.filesPublished(), is(RealData.FILES));
    assertThat(
        summary.rowsByTopic(),
        is(
            Map.of(
                "accelerations", RealData.ACCELERATION_ROWS, "locations", RealData.LOCATION_ROWS)));
    for (String topic : List.of("locations", "accelerations")) {
      Path input = results.resolve("input").resolve(topic);
      try (Stream<Path> slices = Files.list(input)) {
        assertThat(topic, slices.count(), is((long) RealData.SLICES_PER_TOPIC));
      }
      assertThat(topic, expectedRows(RealData.dir().resolve(topic)), equalTo(publishedRows(input)));
      for (Path file : ParquetRows.files(input)) {
        assertThat(
            ParquetFiles.readSchema(file).toString(),
            equalTo(
                ParquetFiles.readSchema(ParquetRows.files(RealData.dir().resolve(topic)).get(0))
                    .toString()));
      }
    }
    assertThat(
        Files.readString(results.resolve("input/_REPLAY_COMPLETE")),
        org.hamcrest.Matchers.containsString("\"start_micros\":" + START_MICROS));
  }

  /** The source rows, each with the timestamp the formula gives it, sorted. */
  private static List<String> expectedRows(Path topicSource) {
    List<String> rows = new ArrayList<>();
    for (Path file : ParquetRows.files(topicSource)) {
      for (GenericRecord row : ParquetRows.read(file)) {
        long micros = START_MICROS + (long) Math.floor((Double) row.get("offset") * 1e6 + 0.5);
        rows.add(ParquetRows.fingerprint(row, "timestamp") + "timestamp=" + micros);
      }
    }
    rows.sort(null);
    return rows;
  }

  private static List<String> publishedRows(Path topicInput) {
    List<String> rows = new ArrayList<>();
    for (Path file : ParquetRows.files(topicInput)) {
      for (GenericRecord row : ParquetRows.read(file)) {
        rows.add(ParquetRows.fingerprint(row, "timestamp") + "timestamp=" + row.get("timestamp"));
      }
    }
    rows.sort(null);
    return rows;
  }

  @Test
  void aReaderListingInputNeverSeesAPartialFile() throws Exception {
    AtomicBoolean replaying = new AtomicBoolean(true);
    AtomicInteger filesRead = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Path input = results.resolve("input");
    Thread reader =
        new Thread(
            () -> {
              java.util.Set<Path> seen = new java.util.HashSet<>();
              while (replaying.get()) {
                if (!Files.isDirectory(input)) {
                  continue;
                }
                try (Stream<Path> walk = Files.walk(input)) {
                  for (Path file : walk.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                    try {
                      ParquetRows.read(file);
                      if (seen.add(file)) {
                        filesRead.incrementAndGet();
                      }
                    } catch (RuntimeException e) {
                      failures.add(file + ": " + e);
                    }
                  }
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                  // A folder vanished while the replayer cleared input/ at its start: list again.
                }
              }
            });
    reader.start();
    try {
      new Replayer(
              config(results, 25),
              ReplayClock.SYSTEM,
              new PrintStream(OutputStream.nullOutputStream()))
          .run();
    } finally {
      replaying.set(false);
      reader.join();
    }
    assertThat(failures, is(empty()));
    assertThat("files the reader opened during the replay", filesRead.get(), greaterThan(10));
  }

  @Test
  void atSpeedupTenEverySliceAppearsAtOrAfterItsDueTimeAndInDueOrder() throws Exception {
    new Replayer(config(results, 10), ReplayClock.SYSTEM, System.out).run();

    // On the real clock: the lag figures themselves are the bench's (bench/run replayer).
    List<ReplayLogEntry> log = ReplayLogEntry.readAll(results.resolve(StreamLayout.REPLAY_LOG));
    assertThat(log.size(), is(2 * RealData.SLICES_PER_TOPIC));
    long previousDue = Long.MIN_VALUE;
    long previousPublished = Long.MIN_VALUE;
    for (ReplayLogEntry entry : log) {
      String publication = entry.topic() + "/" + entry.slice();
      assertThat(
          publication + " appeared before it was due",
          entry.publishedMillis(),
          greaterThanOrEqualTo(entry.dueMillis()));
      assertThat(
          publication + " is out of due order",
          entry.dueMillis(),
          greaterThanOrEqualTo(previousDue));
      assertThat(
          publication + " appeared before the one logged ahead of it",
          entry.publishedMillis(),
          greaterThanOrEqualTo(previousPublished));
      assertThat(
          publication + " is not in input/", Files.isRegularFile(Path.of(entry.file())), is(true));
      previousDue = entry.dueMillis();
      previousPublished = entry.publishedMillis();
    }
  }
}

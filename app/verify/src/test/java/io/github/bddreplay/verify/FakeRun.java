package io.github.bddreplay.verify;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.oracle.BatchOracle;
import io.github.bddreplay.fixtures.oracle.ReplayedSource;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.Replayer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A finished run made without the pipelines: the replayer publishes a data set at top speed into a
 * results folder, and the outputs a correct run writes are computed by the independent Java oracle
 * ({@link BatchOracle}) from the published stream, then written by {@link FakeOutputs}.
 */
final class FakeRun {
  static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  private FakeRun() {}

  /** Replays {@code source} {@code loops} times from {@link #START} into {@code results}. */
  static void replay(Path source, Path results, int loops)
      throws IOException, InterruptedException {
    replay(source, results, loops, DisorderPlan.NONE);
  }

  /** The same, with files held back as {@code disorder} says (each a publication of its own). */
  static void replay(Path source, Path results, int loops, DisorderPlan disorder)
      throws IOException, InterruptedException {
    ReplayConfig config =
        new ReplayConfig(
            source,
            results,
            Double.POSITIVE_INFINITY,
            START,
            loops,
            disorder,
            CompressionCodecName.SNAPPY,
            2,
            true);
    new Replayer(config, ReplayClock.SYSTEM, new PrintStream(OutputStream.nullOutputStream()))
        .run();
  }

  /** The oracle's answer for the stream published in {@code results}/input, as it stands. */
  static BatchOracle oracleOfInput(Path results) throws IOException {
    Path input = results.resolve(StreamLayout.INPUT);
    return BatchOracle.of(
        new ReplayedSource(
            published(input.resolve(Topic.LOCATIONS.folderName())),
            published(input.resolve(Topic.ACCELERATIONS.folderName())),
            0));
  }

  /** The rows with an event time of every visible Parquet file under {@code dir}. */
  private static List<GenericRecord> published(Path dir) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(VisibleFiles::isParquet).sorted().toList();
    }
    for (Path file : files) {
      try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
        for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
          if (row.get(Schemas.TIMESTAMP) != null) {
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }
}

package io.github.bddreplay.replayer.cli;

import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.storage.Location;
import io.github.bddreplay.replayer.synth.DefaultDataset;
import java.time.Instant;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options of a replay, for every command that runs the replayer: add them with {@code @Mixin
 * ReplayOptions replay;} and build the replay with {@link #config()}. Each option takes its value
 * as {@code --speedup 10} or {@code --speedup=10}.
 */
public final class ReplayOptions {
  @Option(
      names = "--source",
      paramLabel = "DIR",
      converter = LocationConverter.class,
      description =
          "Data set to replay: a folder, or a hdfs:// URI (default: the project's synthetic data set"
              + " under data/, generated on first use).")
  Location source;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      converter = LocationConverter.class,
      description =
          "Results folder, or a hdfs:// URI; a fresh replay empties staging/ and input/ in it first"
              + " (default: results/stream).")
  Location results;

  @Option(
      names = "--speedup",
      paramLabel = "F",
      defaultValue = "1.0",
      converter = SpeedupConverter.class,
      description =
          "Recording seconds per replay second, or 'max' for as fast as possible (default: ${DEFAULT-VALUE}).")
  double speedup;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description =
          "Event time of offset 0, ISO-8601 such as 2026-11-24T10:00:00Z (default: now; when resuming, the recorded one).")
  Instant start;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Seed of the disorder (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--late-fraction",
      paramLabel = "P",
      defaultValue = "0",
      description = "Fraction of the source files published late (default: ${DEFAULT-VALUE}).")
  double lateFraction;

  @Option(
      names = "--max-delay",
      paramLabel = "S",
      defaultValue = "0",
      description = "Most replay seconds a late file is held back (default: ${DEFAULT-VALUE}).")
  double maxDelay;

  @Option(
      names = "--loop",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Replay the data set N times back to back, event time increasing (default: ${DEFAULT-VALUE}).")
  int loops;

  @Option(
      names = "--codec",
      paramLabel = "CODEC",
      defaultValue = "SNAPPY",
      description =
          "Compression of the published files: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  CompressionCodecName codec;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Threads preparing publications ahead of their due time (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line per slice; only the summary.")
  boolean quiet;

  /** The replay these options ask for, with the project's default source and results folder. */
  public ReplayConfig config() {
    return new ReplayConfig(
        source != null
            ? source
            : Location.local(DefaultDataset.ensure(ProjectHome.path().resolve("data"))),
        results != null ? results : Location.local(ProjectHome.defaultResults()),
        speedup,
        start,
        loops,
        new DisorderPlan(seed, lateFraction, maxDelay),
        codec,
        threads,
        quiet,
        false);
  }

  /** Reads a folder: a local path, or the URI of a folder on a Hadoop file system. */
  static final class LocationConverter implements ITypeConverter<Location> {
    @Override
    public Location convert(String value) {
      return Location.parse(value);
    }
  }

  /** Reads a speedup factor, where "max" means no waiting at all. */
  static final class SpeedupConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      if (value.equalsIgnoreCase("max")) {
        return Double.POSITIVE_INFINITY;
      }
      double speedup = Double.parseDouble(value);
      if (!(speedup > 0)) {
        throw new IllegalArgumentException("speedup must be a positive number or 'max': " + value);
      }
      return speedup;
    }
  }
}

package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.replayer.storage.Location;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Settings of one replay.
 *
 * @param source the data set: a local folder or one on a Hadoop file system (hdfs://)
 * @param results the results folder, on any file system that renames atomically
 * @param start the event time of offset 0: every row's timestamp becomes start + offset; null when
 *     not given: the recorded one when resuming, else the wall-clock time of preparation
 * @param speedup recording seconds per replay second; {@code Double.POSITIVE_INFINITY} replays as
 *     fast as the machine allows
 * @param threads how many publications are read and written ahead of their due time in parallel
 * @param resume continue the replay recorded in the results folder instead of starting afresh (see
 *     {@link Replayer#prepare()})
 */
public record ReplayConfig(
    Location source,
    Location results,
    double speedup,
    Instant start,
    int loops,
    DisorderPlan disorder,
    CompressionCodecName codec,
    int threads,
    boolean quiet,
    boolean resume) {
  public ReplayConfig {
    if (!(speedup > 0)) {
      throw new IllegalArgumentException("speedup must be positive: " + speedup);
    }
    if (loops < 1) {
      throw new IllegalArgumentException("loop count must be at least 1: " + loops);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be at least 1: " + threads);
    }
  }

  /** A replay from and into local folders. */
  public ReplayConfig(
      Path source,
      Path results,
      double speedup,
      Instant start,
      int loops,
      DisorderPlan disorder,
      CompressionCodecName codec,
      int threads,
      boolean quiet,
      boolean resume) {
    this(
        Location.local(source),
        Location.local(results),
        speedup,
        start,
        loops,
        disorder,
        codec,
        threads,
        quiet,
        resume);
  }

  /** A replay from and into local folders that starts afresh. */
  public ReplayConfig(
      Path source,
      Path results,
      double speedup,
      Instant start,
      int loops,
      DisorderPlan disorder,
      CompressionCodecName codec,
      int threads,
      boolean quiet) {
    this(source, results, speedup, start, loops, disorder, codec, threads, quiet, false);
  }

  /** These settings, resuming the recorded replay or not. */
  public ReplayConfig withResume(boolean resume) {
    return new ReplayConfig(
        source, results, speedup, start, loops, disorder, codec, threads, quiet, resume);
  }
}

package io.github.bddreplay.replay;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Settings of one replay.
 *
 * @param start the event time of offset 0: every row's timestamp becomes start + offset
 * @param speedup recording seconds per replay second; {@code Double.POSITIVE_INFINITY} replays
 *     as fast as the machine allows
 * @param threads how many publications are read and written ahead of their due time in parallel
 */
public record ReplayConfig(
    Path source,
    Path results,
    double speedup,
    Instant start,
    int loops,
    DisorderPlan disorder,
    CompressionCodecName codec,
    int threads,
    boolean quiet) {
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
}

package io.github.bddreplay.runners;

import java.util.Map;
import org.apache.beam.sdk.metrics.MetricName;

/**
 * Progress as runners that show nothing else while they run (the DirectRunner, Flink) let it be
 * seen: whether any counter changed since the previous look.
 */
final class CounterProgress {
  private Map<MetricName, Long> atLastLook = Map.of();

  /** Whether {@code now} differs from the counters of the previous call. */
  boolean moved(Map<MetricName, Long> now) {
    boolean moved = !now.equals(atLastLook);
    atLastLook = now;
    return moved;
  }
}

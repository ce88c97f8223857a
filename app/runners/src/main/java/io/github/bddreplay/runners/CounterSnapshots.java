package io.github.bddreplay.runners;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Reads counters out of a running or finished pipeline. Attempted values, because the Spark runner
 * only has those; a counter reported by several steps is summed, as a reader of "counters by name"
 * expects.
 */
final class CounterSnapshots {
  private CounterSnapshots() {}

  /** Every counter the pipeline reported so far. */
  static Map<MetricName, Long> all(MetricResults metrics) {
    return sumByName(metrics.allMetrics());
  }

  /** The current value of the counters matching {@code filter}, summed; 0 if none reported yet. */
  static long value(MetricResults metrics, MetricNameFilter filter) {
    MetricQueryResults matching =
        metrics.queryMetrics(MetricsFilter.builder().addNameFilter(filter).build());
    return sumByName(matching).values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<MetricName, Long> sumByName(MetricQueryResults results) {
    Map<MetricName, Long> sums = new HashMap<>();
    for (MetricResult<Long> counter : results.getCounters()) {
      sums.merge(counter.getName(), counter.getAttempted(), Long::sum);
    }
    return sums;
  }
}

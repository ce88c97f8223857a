package io.github.bddreplay.runners;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * The Beam counters of the embedded Flink's source operators, collected as a Flink metric reporter.
 * Beam's Flink runner reports a DoFn's counters as accumulators, which a job's client returns, but
 * its FLIP-27 source readers have no runtime context and report their counters only as Flink
 * metrics (FlinkMetricContainerWithoutAccumulator; apache/beam#25741, apache/beam#32895). Without
 * this, a run would not see the source's files, rows or end of stream. When the Beam runner reports
 * source counters as accumulators this reporter can go.
 *
 * <p>Flink creates the reporter in the mini cluster of this JVM from the configuration {@link
 * EmbeddedFlink} writes; counters live in static state, one run at a time per JVM ({@link
 * #reset()}).
 */
public final class FlinkSourceCounters implements MetricReporter {
  /** The name Flink knows the reporter by, in {@code metrics.reporter.<name>.factory.class}. */
  static final String NAME = "bdd_source_counters";

  /** Flink names source operators "Source: ...", in the variable {@value #OPERATOR_VARIABLE}. */
  private static final String OPERATOR_VARIABLE = "<operator_name>";

  private static final String SOURCE_PREFIX = "Source:";

  /** Counters of running source subtasks, by Beam name. */
  private static final Map<Counter, MetricName> LIVE = new ConcurrentHashMap<>();

  /** The last values of counters whose subtask has ended. */
  private static final Map<MetricName, Long> ENDED = new ConcurrentHashMap<>();

  /** Forgets the counters of earlier runs. */
  static void reset() {
    LIVE.clear();
    ENDED.clear();
  }

  /** {@code fromAccumulators} plus the source counters seen so far, summed by name. */
  static Map<MetricName, Long> addedTo(Map<MetricName, Long> fromAccumulators) {
    Map<MetricName, Long> all = new HashMap<>(fromAccumulators);
    ENDED.forEach((name, value) -> all.merge(name, value, Long::sum));
    LIVE.forEach((counter, name) -> all.merge(name, counter.getCount(), Long::sum));
    return all;
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    MetricName name = beamName(metricName);
    if (metric instanceof Counter counter && name != null && isSource(group)) {
      LIVE.put(counter, name);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    MetricName name = LIVE.remove(metric);
    if (name != null) {
      ENDED.merge(name, ((Counter) metric).getCount(), Long::sum);
    }
  }

  private static boolean isSource(MetricGroup group) {
    String operator = group.getAllVariables().get(OPERATOR_VARIABLE);
    return operator != null && operator.startsWith(SOURCE_PREFIX);
  }

  /** Beam's Flink runner names a counter {@code namespace.name}; Flink's own have no namespace. */
  private static MetricName beamName(String metricName) {
    int dot = metricName.indexOf('.');
    return dot > 0 && dot < metricName.length() - 1
        ? MetricName.named(metricName.substring(0, dot), metricName.substring(dot + 1))
        : null;
  }

  /** How Flink creates the reporter ({@code metrics.reporter.<name>.factory.class}). */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new FlinkSourceCounters();
    }
  }
}

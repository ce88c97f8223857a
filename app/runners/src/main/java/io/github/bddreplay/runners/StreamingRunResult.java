package io.github.bddreplay.runners;

import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.joda.time.Duration;

/**
 * How a {@link StreamingRun} ended: {@link PipelineResult.State#DONE} when the stream reached its
 * end and every window's final pane was written, {@link PipelineResult.State#STOPPED} when an
 * {@link IdleHandler} asked to stop early. Counters are the final values, taken after the pipeline
 * stopped, summed over the steps that report them (attempted values: the Spark runner has no
 * committed ones).
 */
public final class StreamingRunResult {
  private final PipelineResult.State state;
  private final Duration wallTime;
  private final Map<MetricName, Long> counters;

  StreamingRunResult(
      PipelineResult.State state, Duration wallTime, Map<MetricName, Long> counters) {
    this.state = state;
    this.wallTime = wallTime;
    this.counters = Map.copyOf(counters);
  }

  public PipelineResult.State state() {
    return state;
  }

  /** From the call to {@link StreamingRun#run()} until the pipeline had stopped. */
  public Duration wallTime() {
    return wallTime;
  }

  public Map<MetricName, Long> counters() {
    return counters;
  }

  /** The final value of one counter, 0 when the pipeline never reported it. */
  public long counter(String namespace, String name) {
    return counters.getOrDefault(MetricName.named(namespace, name), 0L);
  }

  @Override
  public String toString() {
    return "StreamingRunResult{state="
        + state
        + ", wallTime="
        + wallTime
        + ", counters="
        + counters
        + "}";
  }
}

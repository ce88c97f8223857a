package io.github.bddreplay.runners;

import java.util.Map;
import org.apache.beam.sdk.metrics.MetricName;
import org.joda.time.Duration;

/**
 * One started pipeline on one runner, as {@link StreamingRun} drives it: poll until done, watch for
 * progress, stop, release. Each runner decides "done" its own way; the loop around it is shared.
 */
interface RunnerSession extends AutoCloseable {

  /**
   * Waits at most {@code atMost} and says whether the run is done by this runner's rule. Throws
   * (the runner's own exception) when the pipeline failed.
   */
  boolean awaitDone(Duration atMost);

  /**
   * Whether the pipeline moved since the previous call: a counter changed, or (where the runner
   * shows it) records were processed or are still waiting to be. Decides idleness.
   */
  boolean madeProgress();

  /** One line for logs and error messages: how far the stream got. */
  String describeProgress();

  /** Stops the pipeline, letting work already started finish so no output is lost. Idempotent. */
  void stopGracefully();

  /** Counters summed over steps; call before {@link #close()}. */
  Map<MetricName, Long> counters();

  /** Releases the runner (contexts, threads, JVM-wide state). Idempotent; stops first if needed. */
  @Override
  void close();
}

package io.github.bddreplay.runners;

import java.io.IOException;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * A streaming pipeline on the DirectRunner, which does finish by itself once every watermark is at
 * +infinity, that is once the source reached its end and every window fired its final pane. Its
 * {@code run()} blocks until then unless told otherwise, so the session turns that off and polls.
 */
final class DirectRunnerSession implements RunnerSession {
  private final PipelineResult result;
  private final MetricNameFilter endOfStreamCounter;
  private final CounterProgress progress = new CounterProgress();

  private DirectRunnerSession(PipelineResult result, MetricNameFilter endOfStreamCounter) {
    this.result = result;
    this.endOfStreamCounter = endOfStreamCounter;
  }

  /** Starts {@code pipeline}; sets {@link DirectOptions#setBlockOnRun} to false on the options. */
  static DirectRunnerSession start(
      Pipeline pipeline, PipelineOptions options, MetricNameFilter endOfStreamCounter) {
    options.as(DirectOptions.class).setBlockOnRun(false);
    return new DirectRunnerSession(pipeline.run(options), endOfStreamCounter);
  }

  /** Done when the DirectRunner says DONE; rethrows the pipeline's failure. */
  @Override
  public boolean awaitDone(Duration atMost) {
    PipelineResult.State state = result.waitUntilFinish(atMost);
    if (state == PipelineResult.State.DONE) {
      return true;
    }
    if (state != null && state.isTerminal()) {
      throw new IllegalStateException(
          "The DirectRunner pipeline ended in state " + state + "; " + describeProgress());
    }
    return false;
  }

  /** The DirectRunner shows nothing but counters while it runs. */
  @Override
  public boolean madeProgress() {
    return progress.moved(counters());
  }

  @Override
  public String describeProgress() {
    return "DirectRunner: state "
        + result.getState()
        + ", end-of-stream counter "
        + endOfStreamCounter.getNamespace()
        + ":"
        + endOfStreamCounter.getName()
        + " = "
        + CounterSnapshots.value(result.metrics(), endOfStreamCounter);
  }

  /**
   * The DirectRunner has no drain: cancelling stops it where it is. It is only cancelled when the
   * run gives up (timeout, idle); when it is done it has stopped by itself.
   */
  @Override
  public void stopGracefully() {
    if (!result.getState().isTerminal()) {
      try {
        result.cancel();
      } catch (IOException e) {
        throw new IllegalStateException("Cancelling the DirectRunner pipeline failed", e);
      }
    }
  }

  @Override
  public Map<MetricName, Long> counters() {
    return CounterSnapshots.all(result.metrics());
  }

  @Override
  public void close() {
    stopGracefully();
  }
}

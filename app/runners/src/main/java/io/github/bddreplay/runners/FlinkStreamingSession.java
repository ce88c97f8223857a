package io.github.bddreplay.runners;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.flink.metrics.FlinkMetricContainer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * A streaming pipeline on the embedded Flink ({@link EmbeddedFlink}), submitted detached. Flink
 * finishes the job by itself once the source's watermark reached +infinity and every operator
 * drained, that is once every window fired its final pane and the sinks wrote it; the session waits
 * for the job's result, which also carries its final counters.
 */
final class FlinkStreamingSession implements RunnerSession {
  private static final Duration SUBMISSION_TIMEOUT = Duration.standardMinutes(2);

  private final JobClient job;
  private final MetricNameFilter endOfStreamCounter;
  private final Optional<Path> restoredFrom;
  private final CounterProgress progress = new CounterProgress();
  private JobExecutionResult finished;

  FlinkStreamingSession(
      JobClient job, MetricNameFilter endOfStreamCounter, Optional<Path> restoredFrom) {
    this.job = job;
    this.endOfStreamCounter = endOfStreamCounter;
    this.restoredFrom = restoredFrom;
  }

  static FlinkStreamingSession start(
      Pipeline pipeline, PipelineOptions options, MetricNameFilter endOfStreamCounter) {
    Optional<Path> restore = EmbeddedFlink.configure(options, true);
    FlinkJobHandoff.expect();
    pipeline.run(options);
    try {
      return new FlinkStreamingSession(
          FlinkJobHandoff.take(SUBMISSION_TIMEOUT), endOfStreamCounter, restore);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while submitting the Flink job", e);
    }
  }

  /** Done when the job finished; rethrows its failure. */
  @Override
  public boolean awaitDone(Duration atMost) {
    if (finished != null) {
      return true;
    }
    try {
      finished = job.getJobExecutionResult().get(atMost.getMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "The Flink job " + job.getJobID() + " failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Flink job", e);
    }
  }

  @Override
  public boolean madeProgress() {
    return progress.moved(counters());
  }

  @Override
  public String describeProgress() {
    return "Flink job "
        + job.getJobID()
        + (restoredFrom.map(checkpoint -> " (restored from " + checkpoint + ")").orElse(""))
        + (finished != null ? ": finished" : ": running")
        + ", end-of-stream counter "
        + endOfStreamCounter.getNamespace()
        + ":"
        + endOfStreamCounter.getName()
        + " = "
        + counters()
            .getOrDefault(
                MetricName.named(endOfStreamCounter.getNamespace(), endOfStreamCounter.getName()),
                0L);
  }

  /**
   * Cancels the job if it still runs: only when the run gives up (timeout, idle). Its newest
   * checkpoint stays, so a later run with the same {@code --checkpointDir} can go on from it.
   */
  @Override
  public void stopGracefully() {
    if (finished == null && !job.getJobExecutionResult().isDone()) {
      try {
        job.cancel().get(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "cancelling the Flink job " + job.getJobID() + " failed", e);
      }
    }
  }

  /** The accumulators' counters (final once the job finished) plus the source's. */
  @Override
  public Map<MetricName, Long> counters() {
    Object accumulator = finished != null ? finalAccumulator() : liveAccumulator();
    MetricsContainerStepMap steps =
        accumulator instanceof MetricsContainerStepMap map ? map : new MetricsContainerStepMap();
    return FlinkSourceCounters.addedTo(
        CounterSnapshots.all(MetricsContainerStepMap.asAttemptedOnlyMetricResults(steps)));
  }

  /** The running job's accumulator, or the final one if the job has just finished. */
  private @Nullable Object liveAccumulator() {
    try {
      return job.getAccumulators()
          .get(10, TimeUnit.SECONDS)
          .get(FlinkMetricContainer.ACCUMULATOR_NAME);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      // The mini cluster shuts down as the job finishes, and then refuses the call, by a failed
      // future or at once (IllegalStateException, seen in CI): the job's result has the final
      // values.
      return finalAccumulator();
    }
  }

  /** The final accumulator when the job has finished, else null. */
  private @Nullable Object finalAccumulator() {
    if (finished == null && !job.getJobExecutionResult().isDone()) {
      return null;
    }
    awaitDone(Duration.ZERO);
    return finished.getAllAccumulatorResults().get(FlinkMetricContainer.ACCUMULATOR_NAME);
  }

  @Override
  public void close() {
    stopGracefully();
  }
}

package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.flink.metrics.FlinkMetricContainer;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.util.OptionalFailure;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class FlinkStreamingSessionTest {
  private static final MetricName COUNTER = MetricName.named("test", "rows");

  /**
   * As the job finishes, the embedded cluster shuts down and refuses the accumulator call at once
   * (IllegalStateException "MiniCluster is not yet running or has already been shut down", seen in
   * CI): the session then takes the final counters from the job's result instead of failing.
   */
  @Test
  void countersOfAJobWhoseClusterHasShutDownComeFromItsResult() {
    MetricsContainerStepMap steps = new MetricsContainerStepMap();
    steps.getContainer("step").getCounter(COUNTER).inc(7);
    JobExecutionResult result =
        new JobExecutionResult(
            new JobID(),
            1,
            Map.of(FlinkMetricContainer.ACCUMULATOR_NAME, OptionalFailure.<Object>of(steps)));
    FlinkStreamingSession session =
        new FlinkStreamingSession(
            new ShutDownCluster(result), MetricNameFilter.named("test", "rows"), Optional.empty());

    assertThat(session.counters().get(COUNTER), is(7L));
    assertThat(session.awaitDone(Duration.ZERO), is(true));
  }

  /** A finished job whose cluster is gone: every call but the result's refused. */
  private record ShutDownCluster(JobExecutionResult result) implements JobClient {
    @Override
    public JobID getJobID() {
      return result.getJobID();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
      throw new IllegalStateException(
          "MiniCluster is not yet running or has already been shut down.");
    }

    @Override
    public CompletableFuture<Void> cancel() {
      throw new IllegalStateException(
          "MiniCluster is not yet running or has already been shut down.");
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(
        boolean advanceToEndOfEventTime,
        String savepointDirectory,
        SavepointFormatType formatType) {
      throw new IllegalStateException(
          "MiniCluster is not yet running or has already been shut down.");
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(
        String savepointDirectory, SavepointFormatType formatType) {
      throw new IllegalStateException(
          "MiniCluster is not yet running or has already been shut down.");
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
      throw new IllegalStateException(
          "MiniCluster is not yet running or has already been shut down.");
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
      return CompletableFuture.completedFuture(result);
    }
  }
}

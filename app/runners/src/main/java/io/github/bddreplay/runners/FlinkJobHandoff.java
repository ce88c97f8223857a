package io.github.bddreplay.runners;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Hands the {@link JobClient} of a job submitted to the embedded Flink to the thread that submitted
 * it. Beam's detached result keeps its client private and asks the mini cluster for the job's
 * status, which fails once the mini cluster shut down at the job's end; the client itself still
 * gives the job's final result. Flink instantiates the listener from the configuration key {@code
 * execution.job-listeners} ({@link EmbeddedFlink} sets it), hence the handoff through a static
 * queue: one submission at a time per JVM.
 */
public final class FlinkJobHandoff implements JobListener {
  private static final BlockingQueue<Submission> SUBMISSIONS = new LinkedBlockingQueue<>();

  private record Submission(@Nullable JobClient client, @Nullable Throwable failure) {}

  @Override
  public void onJobSubmitted(@Nullable JobClient jobClient, @Nullable Throwable throwable) {
    // Called in the submitting thread, before Beam's run() returns.
    SUBMISSIONS.add(new Submission(jobClient, throwable));
  }

  @Override
  public void onJobExecuted(
      @Nullable JobExecutionResult jobExecutionResult, @Nullable Throwable throwable) {}

  /** Forgets submissions nobody took, before a job is submitted. */
  static void expect() {
    SUBMISSIONS.clear();
  }

  /** The client of the job submitted since {@link #expect()}, waiting at most {@code atMost}. */
  static JobClient take(Duration atMost) throws InterruptedException {
    Submission submission = SUBMISSIONS.poll(atMost.getMillis(), TimeUnit.MILLISECONDS);
    if (submission == null) {
      throw new IllegalStateException("no Flink job was submitted within " + atMost);
    }
    if (submission.failure() != null || submission.client() == null) {
      throw new IllegalStateException(
          "submitting the job to the embedded Flink failed", submission.failure());
    }
    return submission.client();
  }
}

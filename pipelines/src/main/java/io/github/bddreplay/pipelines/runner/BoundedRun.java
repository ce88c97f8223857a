package io.github.bddreplay.pipelines.runner;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/**
 * Runs a pipeline over bounded input to its end, on whichever runner its options name; the batch
 * counterpart of {@link StreamingRun}, with the same kind of result.
 */
public final class BoundedRun {
  private BoundedRun() {}

  public static StreamingRunResult run(Pipeline pipeline) {
    long startNanos = System.nanoTime();
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the bounded pipeline ended " + state + " instead of DONE");
    }
    return new StreamingRunResult(
        state,
        Duration.millis((System.nanoTime() - startNanos) / 1_000_000),
        CounterSnapshots.all(result.metrics()));
  }
}

package io.github.bddreplay.runners;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * Runs a pipeline over bounded input to its end, on whichever runner its options name; the batch
 * counterpart of {@link StreamingRun}, with the same kind of result.
 */
public final class BoundedRun {
  /** How often a running pipeline's counters are handed to whoever watches the run. */
  private static final Duration WATCH_INTERVAL = Duration.millis(500);

  private BoundedRun() {}

  public static StreamingRunResult run(Pipeline pipeline) {
    return run(pipeline, counters -> {});
  }

  /**
   * Runs {@code pipeline} to its end, handing {@code whileRunning} the counters reported so far
   * (summed by name, attempted values) every half second while it runs; how far they are behind the
   * work depends on the runner ({@link #countersGrowWhileRunning}).
   */
  public static StreamingRunResult run(
      Pipeline pipeline, Consumer<Map<MetricName, Long>> whileRunning) {
    long startNanos = System.nanoTime();
    // The DirectRunner's run() would return only once the pipeline is done.
    pipeline.getOptions().as(DirectOptions.class).setBlockOnRun(false);
    boolean onFlink = FlinkRunner.class.equals(pipeline.getOptions().getRunner());
    if (onFlink) {
      EmbeddedFlink.configure(pipeline.getOptions(), false);
    }
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish(WATCH_INTERVAL);
    while (state == null || !state.isTerminal()) {
      whileRunning.accept(CounterSnapshots.all(result.metrics()));
      state = result.waitUntilFinish(WATCH_INTERVAL);
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the bounded pipeline ended " + state + " instead of DONE");
    }
    Map<MetricName, Long> counters = CounterSnapshots.all(result.metrics());
    return new StreamingRunResult(
        state,
        Duration.millis((System.nanoTime() - startNanos) / 1_000_000),
        onFlink ? FlinkSourceCounters.addedTo(counters) : counters);
  }

  /**
   * Whether the runner's counters grow while a bounded pipeline runs, bundle by bundle, as the
   * DirectRunner's do. Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) keeps them in a Spark
   * accumulator, which the driver merges only when a whole task ends: over a finished input folder
   * of 5,968 files on local[2], the files read went 0, 2,984, 5,968 as the two reading tasks ended,
   * 30 s into a 69 s run.
   */
  public static boolean countersGrowWhileRunning(PipelineOptions options) {
    return DirectRunner.class.equals(options.getRunner());
  }
}

package io.github.bddreplay.runners;

import java.util.Map;
import java.util.Objects;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a streaming pipeline whose source ends (our replayed streams do) until it is done, then
 * stops it cleanly and returns. Done means: the source reached its end of stream and every window's
 * final pane is on disk.
 *
 * <pre>{@code
 * StreamingRunResult result =
 *     StreamingRun.of(pipeline, options,
 *             MetricNameFilter.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.END_OF_STREAM))
 *         .withOverallTimeout(Duration.standardMinutes(10))
 *         .withIdleTimeout(Duration.standardMinutes(2), (idleFor, progress) -> Decision.FAIL)
 *         .run();
 * }</pre>
 *
 * <p>Runs on the runner the options name:
 *
 * <ul>
 *   <li>{@link SparkRunner}: on a Spark context of its own ({@link EmbeddedSpark}), which is
 *       stopped, with its threads, before {@link #run()} returns. The runner never finishes a
 *       streaming pipeline by itself; the run is done once the end of stream was seen (the source's
 *       end-of-stream counter is positive and Spark's watermark for every source is +infinity) and
 *       {@link #withSettleBatches settle} more micro-batches completed. The streaming context is
 *       then stopped gracefully.
 *   <li>{@link FlinkRunner}: on an embedded Flink ({@link EmbeddedFlink}), restored from the newest
 *       checkpoint under {@code --checkpointDir} if there is one; the job finishes by itself once
 *       the source's watermark is +infinity and every operator drained, and the run waits for that.
 *   <li>{@link DirectRunner}: finishes by itself once every watermark is +infinity; the run waits
 *       for that.
 * </ul>
 *
 * <p>Whatever happens, the pipeline is stopped before {@link #run()} returns or throws.
 */
public final class StreamingRun {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingRun.class);

  /** How often the run looks at the pipeline; it waits on the runner in between. */
  private static final Duration POLL_INTERVAL = Duration.millis(100);

  /**
   * Micro-batches to let complete after the end of stream was seen. Measured with 200 ms, 500 ms
   * and 1 s batches ({@code EndOfStreamToFinalFilesTest} repeats 500 ms and 1 s): every window's
   * final pane was on disk when the batch at which the end was first seen completed, i.e. zero
   * more; that batch is the one after the batch whose read reached the end. Beam's watermark
   * advance runs on Spark's listener bus and can land after the next batch has started, which
   * delays the final panes by one batch: one for that, one to spare.
   */
  public static final int DEFAULT_SETTLE_BATCHES = 2;

  public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.standardMinutes(30);

  private final Pipeline pipeline;
  private final PipelineOptions options;
  private final MetricNameFilter endOfStreamCounter;
  private final Duration overallTimeout;
  private final Duration idleTimeout;
  private final IdleHandler idleHandler;
  private final int settleBatches;

  private StreamingRun(
      Pipeline pipeline,
      PipelineOptions options,
      MetricNameFilter endOfStreamCounter,
      Duration overallTimeout,
      Duration idleTimeout,
      IdleHandler idleHandler,
      int settleBatches) {
    this.pipeline = pipeline;
    this.options = options;
    this.endOfStreamCounter = endOfStreamCounter;
    this.overallTimeout = overallTimeout;
    this.idleTimeout = idleTimeout;
    this.idleHandler = idleHandler;
    this.settleBatches = settleBatches;
  }

  /**
   * @param pipeline built and not yet run; a pipeline can run once
   * @param options names the runner; adjusted in place for the run (see the sessions)
   * @param endOfStreamCounter the counter the source increments once when it reaches its end
   */
  public static StreamingRun of(
      Pipeline pipeline, PipelineOptions options, MetricNameFilter endOfStreamCounter) {
    Objects.requireNonNull(endOfStreamCounter.getName(), "the end-of-stream counter needs a name");
    return new StreamingRun(
        Objects.requireNonNull(pipeline),
        Objects.requireNonNull(options),
        endOfStreamCounter,
        DEFAULT_OVERALL_TIMEOUT,
        null,
        null,
        DEFAULT_SETTLE_BATCHES);
  }

  /** Gives up (stops the pipeline, throws {@link StreamingRunTimeoutException}) after this long. */
  public StreamingRun withOverallTimeout(Duration timeout) {
    checkPositive("overall timeout", timeout);
    return new StreamingRun(
        pipeline, options, endOfStreamCounter, timeout, idleTimeout, idleHandler, settleBatches);
  }

  /**
   * Asks {@code handler} what to do each time the pipeline made no progress for {@code timeout}.
   */
  public StreamingRun withIdleTimeout(Duration timeout, IdleHandler handler) {
    checkPositive("idle timeout", timeout);
    return new StreamingRun(
        pipeline,
        options,
        endOfStreamCounter,
        overallTimeout,
        timeout,
        Objects.requireNonNull(handler),
        settleBatches);
  }

  /** Spark only: micro-batches to let complete after the end of stream was seen. */
  public StreamingRun withSettleBatches(int batches) {
    if (batches < 0) {
      throw new IllegalArgumentException("settle batches must not be negative: " + batches);
    }
    return new StreamingRun(
        pipeline, options, endOfStreamCounter, overallTimeout, idleTimeout, idleHandler, batches);
  }

  /**
   * Runs the pipeline until it is done and stops it.
   *
   * @throws StreamingRunTimeoutException after the overall timeout, or when the idle handler says
   *     {@link IdleHandler.Decision#FAIL}
   * @throws RuntimeException whatever the runner throws when the pipeline fails
   */
  public StreamingRunResult run() {
    long startNanos = System.nanoTime();
    try (RunnerSession session = startSession()) {
      session.madeProgress();
      long lastProgressNanos = System.nanoTime();
      while (!session.awaitDone(POLL_INTERVAL)) {
        long now = System.nanoTime();
        if (elapsed(startNanos, now).isLongerThan(overallTimeout)) {
          String progress = session.describeProgress();
          session.stopGracefully();
          throw new StreamingRunTimeoutException(
              "The pipeline did not reach end of stream and write its final panes within the"
                  + " overall timeout of "
                  + overallTimeout
                  + " (stopped it). "
                  + progress);
        }
        if (session.madeProgress()) {
          lastProgressNanos = now;
        } else if (idleHandler != null
            && !elapsed(lastProgressNanos, now).isShorterThan(idleTimeout)) {
          String progress = session.describeProgress();
          Duration idleFor = elapsed(lastProgressNanos, now);
          IdleHandler.Decision decision = idleHandler.onIdle(idleFor, progress);
          LOG.info("No progress for {}: {}; idle handler says {}", idleFor, progress, decision);
          switch (decision) {
            case KEEP_WAITING:
              lastProgressNanos = now;
              break;
            case STOP:
              return stop(session, PipelineResult.State.STOPPED, startNanos);
            case FAIL:
              session.stopGracefully();
              throw new StreamingRunTimeoutException(
                  "The pipeline made no progress for "
                      + idleFor
                      + " (idle timeout "
                      + idleTimeout
                      + "; stopped it). "
                      + progress);
          }
        }
      }
      LOG.info("Streaming run done: {}", session.describeProgress());
      return stop(session, PipelineResult.State.DONE, startNanos);
    }
  }

  private RunnerSession startSession() {
    Class<?> runner = options.getRunner();
    if (SparkRunner.class.equals(runner)) {
      return SparkStreamingSession.start(pipeline, options, endOfStreamCounter, settleBatches);
    }
    if (DirectRunner.class.equals(runner)) {
      return DirectRunnerSession.start(pipeline, options, endOfStreamCounter);
    }
    if (FlinkRunner.class.equals(runner)) {
      return FlinkStreamingSession.start(pipeline, options, endOfStreamCounter);
    }
    throw new IllegalArgumentException(
        "StreamingRun runs on SparkRunner, FlinkRunner or DirectRunner; the options name "
            + runner.getSimpleName());
  }

  private static StreamingRunResult stop(
      RunnerSession session, PipelineResult.State state, long startNanos) {
    session.stopGracefully();
    Map<MetricName, Long> counters = session.counters();
    session.close();
    return new StreamingRunResult(state, elapsed(startNanos, System.nanoTime()), counters);
  }

  private static Duration elapsed(long fromNanos, long toNanos) {
    return Duration.millis((toNanos - fromNanos) / 1_000_000);
  }

  private static void checkPositive(String what, Duration duration) {
    if (duration.getMillis() <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + duration);
    }
  }
}

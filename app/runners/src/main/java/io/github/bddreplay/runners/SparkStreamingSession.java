package io.github.bddreplay.runners;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.runners.spark.SparkContextOptions;
import org.apache.beam.runners.spark.translation.SparkContextFactory;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder.SparkWatermarks;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.api.java.JavaStreamingListener;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming pipeline on Beam's (RDD/DStream) Spark runner, which never finishes by itself: its
 * {@code waitUntilFinish} says RUNNING forever, even with every watermark at +infinity. So this
 * session decides "done" itself, by the rule on {@link #awaitDone}, and then stops Spark.
 *
 * <p>It creates the Spark context ({@link EmbeddedSpark#sparkConf}) and hands it to the runner as a
 * provided context, so it can configure it and is the one to stop it.
 */
final class SparkStreamingSession implements RunnerSession {
  private static final Logger LOG = LoggerFactory.getLogger(SparkStreamingSession.class);

  private final JavaSparkContext sparkContext;
  private final SparkContextOptions options;
  private final List<JavaStreamingListener> callersListeners;
  private final PipelineResult result;
  private final BatchesAfterEndOfStream batches;
  private final EndOfStream endOfStream;
  private final int settleBatches;
  private long recordsProcessedAtLastLook;
  private Map<MetricName, Long> countersAtLastLook = Map.of();
  private boolean stopped;
  private boolean closed;

  private SparkStreamingSession(
      JavaSparkContext sparkContext,
      SparkContextOptions options,
      List<JavaStreamingListener> callersListeners,
      PipelineResult result,
      BatchesAfterEndOfStream batches,
      EndOfStream endOfStream,
      int settleBatches) {
    this.sparkContext = sparkContext;
    this.options = options;
    this.callersListeners = callersListeners;
    this.result = result;
    this.batches = batches;
    this.endOfStream = endOfStream;
    this.settleBatches = settleBatches;
  }

  /**
   * Starts {@code pipeline} on a new local Spark context. For the run, {@code options} get a
   * provided Spark context and one more streaming listener after the caller's; {@link #close()}
   * puts them back.
   */
  static SparkStreamingSession start(
      Pipeline pipeline,
      PipelineOptions pipelineOptions,
      MetricNameFilter endOfStreamCounter,
      int settleBatches) {
    SparkContextOptions options = pipelineOptions.as(SparkContextOptions.class);
    List<JavaStreamingListener> callersListeners = options.getListeners();
    SparkRunnerGlobals.clearBeforeRun();
    JavaSparkContext sparkContext = new JavaSparkContext(EmbeddedSpark.sparkConf(options));
    try {
      SparkContextFactory.setProvidedSparkContext(sparkContext);
      options.setUsesProvidedSparkContext(true);
      EndOfStream endOfStream =
          new EndOfStream(endOfStreamCounter, options.getBatchIntervalMillis());
      BatchesAfterEndOfStream batches = new BatchesAfterEndOfStream(endOfStream::reached);
      List<JavaStreamingListener> listeners = new ArrayList<>(callersListeners);
      listeners.add(batches);
      options.setListeners(listeners);

      PipelineResult result = pipeline.run(options);
      endOfStream.observe(result);
      return new SparkStreamingSession(
          sparkContext, options, callersListeners, result, batches, endOfStream, settleBatches);
    } catch (RuntimeException e) {
      restore(options, callersListeners);
      stopSparkContext(sparkContext);
      throw e;
    }
  }

  /**
   * Done when the end of stream was seen (the source's end-of-stream counter is at least 1 and
   * Spark's global watermark of every source is +infinity) when a micro-batch completed, and {@code
   * settleBatches} more micro-batches have completed since. A bounded pipeline runs in batch mode,
   * where the runner's own DONE is the answer.
   */
  @Override
  public boolean awaitDone(Duration atMost) {
    PipelineResult.State state = result.waitUntilFinish(atMost);
    if (state == PipelineResult.State.DONE && !options.isStreaming()) {
      return true;
    }
    // In streaming mode the runner says DONE when the streaming context was stopped, by anyone.
    if (state != null && state.isTerminal()) {
      throw new IllegalStateException(
          "The Spark streaming pipeline ended in state "
              + state
              + " before end of stream; "
              + describeProgress());
    }
    if (batches.batchesSinceEnd() < settleBatches) {
      return false;
    }
    reportBatchesBackedUpAtTheEnd();
    return true;
  }

  /**
   * Beam's Spark runner keeps one watermark for the whole pipeline and advances it on Spark's
   * listener bus when a micro-batch completes, while the next batch may already be running. When
   * batches back up, a batch can start before the advance lands and the next one after the
   * following advance: a grouping downstream of a window that fires in that batch then sees the
   * watermark past the fired pane and drops it as late, silently (the runner's late-data counter is
   * not reported; seen with the FileIO windowed writes the sinks used before a799309, which group
   * twice). The pipelines here group nothing a windowed grouping emitted (the sinks write from the
   * bundle, the join's state lives in the global window), so it cannot reach them: EndToEndTest
   * backs the runner up by seconds and delays its watermark advances on purpose and still finds
   * every final pane, and EndOfStreamToFinalFilesTest finds them with the watermark jumping
   * straight to +infinity. The backlog is reported, since it delays the final results.
   */
  private void reportBatchesBackedUpAtTheEnd() {
    long delay = batches.maxSchedulingDelayAtEndMillis();
    if (delay > options.getBatchIntervalMillis()) {
      LOG.info(
          "Micro-batches were backed up by up to {} ms around the end of stream (batch interval {}"
              + " ms): the final results came that much later.",
          delay,
          options.getBatchIntervalMillis());
    }
  }

  /**
   * Busy counts as progress: until the first micro-batch completes the stream is still starting (a
   * cold JVM's first batch takes seconds to read and run), and records waiting in submitted batches
   * mean the batches have backed up, not that the stream stalled.
   */
  @Override
  public boolean madeProgress() {
    long processed = batches.recordsProcessed();
    Map<MetricName, Long> now = counters();
    boolean moved =
        processed != recordsProcessedAtLastLook
            || !now.equals(countersAtLastLook)
            || batches.recordsWaiting() > 0
            || batches.batchesCompleted() == 0;
    recordsProcessedAtLastLook = processed;
    countersAtLastLook = now;
    return moved;
  }

  @Override
  public String describeProgress() {
    return "SparkRunner: " + batches + "; " + endOfStream;
  }

  /**
   * Beam's {@code cancel()} on a streaming Spark result stops the streaming context gracefully
   * (micro-batches already generated still run) and keeps the Spark context, which {@link #close()}
   * stops; errors from the grace period surface here.
   */
  @Override
  public void stopGracefully() {
    if (!stopped) {
      stopped = true;
      try {
        result.cancel();
      } catch (IOException e) {
        throw new IllegalStateException("Stopping the Spark streaming context failed", e);
      }
    }
  }

  @Override
  public Map<MetricName, Long> counters() {
    return CounterSnapshots.all(result.metrics());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopGracefully();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the Spark streaming context failed; stopping Spark anyway", e);
    } finally {
      restore(options, callersListeners);
      stopSparkContext(sparkContext);
    }
  }

  private static void restore(SparkContextOptions options, List<JavaStreamingListener> listeners) {
    options.setListeners(listeners);
    options.setUsesProvidedSparkContext(false);
  }

  private static void stopSparkContext(JavaSparkContext sparkContext) {
    try {
      // A streaming context left running (its graceful stop failed) would keep generating
      // batches against a stopped Spark context; stop it hard first.
      scala.Option<StreamingContext> active = StreamingContext.getActive();
      if (active.isDefined()) {
        active.get().stop(false, false);
      }
      SparkRunnerGlobals.clearAfterRun();
    } finally {
      sparkContext.stop();
    }
  }

  /** The end-of-stream condition, read on Spark's listener bus when a micro-batch completes. */
  private static final class EndOfStream {
    private final MetricNameFilter counter;
    private final long batchIntervalMillis;
    private final AtomicReference<PipelineResult> result = new AtomicReference<>();

    EndOfStream(MetricNameFilter counter, long batchIntervalMillis) {
      this.counter = counter;
      this.batchIntervalMillis = batchIntervalMillis;
    }

    /** Batches can complete before {@code run()} returns; until then nothing is reached. */
    void observe(PipelineResult started) {
      result.set(started);
    }

    boolean reached() {
      return counterValue() > 0 && watermarksAtEndOfTime();
    }

    private long counterValue() {
      PipelineResult started = result.get();
      return started == null ? 0 : CounterSnapshots.value(started.metrics(), counter);
    }

    private boolean watermarksAtEndOfTime() {
      Map<Integer, SparkWatermarks> watermarks = GlobalWatermarkHolder.get(batchIntervalMillis);
      return watermarks != null
          && !watermarks.isEmpty()
          && watermarks.values().stream()
              .allMatch(w -> !w.getHighWatermark().isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }

    @Override
    public String toString() {
      return "end-of-stream counter "
          + counter.getNamespace()
          + ":"
          + counter.getName()
          + " = "
          + counterValue()
          + ", Spark watermarks "
          + GlobalWatermarkHolder.get(batchIntervalMillis);
    }
  }
}

package io.github.bddreplay.runners;

import static io.github.bddreplay.runners.ScriptedUnboundedSource.END_OF_STREAM;
import static io.github.bddreplay.runners.ScriptedUnboundedSource.EVENTS_READ;
import static io.github.bddreplay.runners.ScriptedUnboundedSource.METRICS_NAMESPACE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.CrashingRunner;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Throwables;
import org.apache.spark.SparkEnv;
import org.apache.spark.streaming.StreamingContext;
import org.joda.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the windowed count on both runners through {@link StreamingRun} and checks what a caller
 * relies on: when the call returns, every window's ON_TIME pane is on disk, the run ended by itself
 * (well before the timeout), and nothing of the runner is left: no Spark context, no non-daemon
 * thread. A stream that never ends hits the timeout or the idle handler instead.
 */
class StreamingRunTest {
  private static final MetricNameFilter END_OF_STREAM_COUNTER =
      MetricNameFilter.named(METRICS_NAMESPACE, END_OF_STREAM);
  private static final Duration OVERALL_TIMEOUT = Duration.standardSeconds(60);
  private static final Duration THREADS_GRACE = Duration.standardSeconds(10);
  private static final long PACE_MILLIS = 200;

  @TempDir Path temp;
  private Set<Thread> threadsBefore;

  @BeforeEach
  void snapshotThreads() {
    threadsBefore = NonDaemonThreads.alive();
  }

  @AfterEach
  void runnerLeftNothingBehind() throws InterruptedException {
    // SparkEnv is set while a Spark context runs and cleared when it stops.
    assertThat("a Spark context still running", SparkEnv.get(), is(nullValue()));
    assertThat("active streaming context", StreamingContext.getActive().isEmpty(), is(true));
    assertThat(
        "non-daemon threads left running",
        NonDaemonThreads.startedSince(threadsBefore, THREADS_GRACE),
        is(empty()));
  }

  /**
   * With the two-step end of stream of the pipelines' source (the watermark held at the end of the
   * last window, then +infinity); {@link EndOfStreamToFinalFilesTest} measures the straight jump.
   */
  @Test
  void onSparkReturnsWithEveryWindowsOnTimePaneOnDisk() {
    assertRunsToCompletion(
        sparkOptions(),
        ScriptedUnboundedSource.endingAfterHolding(
            ScriptedEvents.THREE_WINDOWS,
            PACE_MILLIS,
            ScriptedEvents.END_OF_LAST_WINDOW,
            4 * sparkOptions().as(SparkPipelineOptions.class).getBatchIntervalMillis()));
  }

  @Test
  void onTheDirectRunnerReturnsWithEveryWindowsOnTimePaneOnDisk() {
    assertRunsToCompletion(
        directOptions(),
        ScriptedUnboundedSource.endingAfter(ScriptedEvents.THREE_WINDOWS, PACE_MILLIS));
  }

  @Test
  void onSparkAStreamThatNeverEndsHitsTheOverallTimeout() {
    assertTimesOut(sparkOptions(), "SparkRunner: ");
  }

  @Test
  void onTheDirectRunnerAStreamThatNeverEndsHitsTheOverallTimeout() {
    assertTimesOut(directOptions(), "DirectRunner: ");
  }

  @Test
  void onSparkTheIdleHandlerCanFailAStalledStream() {
    PipelineOptions options = sparkOptions();
    List<String> progressSeen = new ArrayList<>();
    StreamingRun run =
        StreamingRun.of(neverEndingPipeline(options), options, END_OF_STREAM_COUNTER)
            .withOverallTimeout(OVERALL_TIMEOUT)
            .withIdleTimeout(
                Duration.standardSeconds(2),
                (idleFor, progress) -> {
                  progressSeen.add(progress);
                  return IdleHandler.Decision.FAIL;
                });

    StreamingRunTimeoutException timeout =
        assertThrows(StreamingRunTimeoutException.class, run::run);

    assertThat(timeout.getMessage(), containsString("made no progress for"));
    assertThat(progressSeen.size(), is(1));
    assertThat(progressSeen.get(0), containsString("11 records processed (0 waiting)"));
  }

  @Test
  void onTheDirectRunnerTheIdleHandlerCanStopAStalledStreamWithTheWindowsClosedSoFar() {
    PipelineOptions options = directOptions();
    Path output = temp.resolve("out");
    Pipeline pipeline =
        WindowedCountToParquet.build(
            options,
            ScriptedUnboundedSource.neverEnding(ScriptedEvents.THREE_WINDOWS, PACE_MILLIS),
            output);
    List<Duration> idleCalls = new ArrayList<>();

    StreamingRunResult result =
        StreamingRun.of(pipeline, options, END_OF_STREAM_COUNTER)
            .withOverallTimeout(OVERALL_TIMEOUT)
            .withIdleTimeout(
                Duration.standardSeconds(2),
                (idleFor, progress) -> {
                  idleCalls.add(idleFor);
                  return idleCalls.size() < 2
                      ? IdleHandler.Decision.KEEP_WAITING
                      : IdleHandler.Decision.STOP;
                })
            .run();

    assertThat(result.state(), is(PipelineResult.State.STOPPED));
    assertThat("asked twice, 2 s of idleness apart", idleCalls.size(), is(2));
    assertThat(result.counter(METRICS_NAMESPACE, EVENTS_READ), is(11L));
    assertThat(result.counter(METRICS_NAMESPACE, END_OF_STREAM), is(0L));
    // The watermark stays at the last event (44.9 s): the first two windows closed, the last not.
    Map<String, Long> firstTwoWindows = new HashMap<>(expectedCounts());
    firstTwoWindows.keySet().removeIf(key -> key.endsWith("@" + lastWindowStartMillis()));
    assertThat(WindowedCountToParquet.onTimeCounts(output), equalTo(firstTwoWindows));
  }

  @Test
  void onSparkAFailingPipelineFailsTheRun() {
    assertFailureSurfaces(sparkOptions());
  }

  @Test
  void onTheDirectRunnerAFailingPipelineFailsTheRun() {
    assertFailureSurfaces(directOptions());
  }

  @Test
  void refusesARunnerItCannotDecideDoneFor() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(CrashingRunner.class);
    StreamingRun run =
        StreamingRun.of(neverEndingPipeline(options), options, END_OF_STREAM_COUNTER);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, run::run);

    assertThat(refused.getMessage(), containsString("the options name CrashingRunner"));
  }

  private void assertRunsToCompletion(PipelineOptions options, ScriptedUnboundedSource source) {
    Path output = temp.resolve("out");
    Pipeline pipeline = WindowedCountToParquet.build(options, source, output);

    StreamingRunResult result =
        StreamingRun.of(pipeline, options, END_OF_STREAM_COUNTER)
            .withOverallTimeout(OVERALL_TIMEOUT)
            .run();

    assertThat(result.state(), is(PipelineResult.State.DONE));
    assertThat(WindowedCountToParquet.onTimeCounts(output), equalTo(expectedCounts()));
    assertThat(result.counter(METRICS_NAMESPACE, END_OF_STREAM), is(1L));
    assertThat(result.counter(METRICS_NAMESPACE, EVENTS_READ), is(11L));
    assertThat(
        "returns well before the overall timeout",
        result.wallTime(),
        lessThan(OVERALL_TIMEOUT.dividedBy(2)));
  }

  private void assertTimesOut(PipelineOptions options, String runnerInMessage) {
    Duration timeout = Duration.standardSeconds(8);
    StreamingRun run =
        StreamingRun.of(neverEndingPipeline(options), options, END_OF_STREAM_COUNTER)
            .withOverallTimeout(timeout);
    long start = System.currentTimeMillis();

    StreamingRunTimeoutException thrown =
        assertThrows(StreamingRunTimeoutException.class, run::run);

    assertThat(thrown.getMessage(), containsString("within the overall timeout of PT8S"));
    assertThat(thrown.getMessage(), containsString(runnerInMessage));
    assertThat(
        thrown.getMessage(), containsString("end-of-stream counter runner-test:endOfStream = 0"));
    assertThat(
        "gave up soon after the timeout",
        Duration.millis(System.currentTimeMillis() - start),
        lessThan(timeout.plus(Duration.standardSeconds(10))));
  }

  private static void assertFailureSurfaces(PipelineOptions options) {
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply(
            Read.from(
                ScriptedUnboundedSource.endingAfter(ScriptedEvents.THREE_WINDOWS, PACE_MILLIS)))
        .apply(ParDo.of(new FailOnKey("car-b")));
    StreamingRun run =
        StreamingRun.of(pipeline, options, END_OF_STREAM_COUNTER)
            .withOverallTimeout(OVERALL_TIMEOUT);

    RuntimeException failure = assertThrows(RuntimeException.class, run::run);

    assertThat(failure, is(not(instanceOf(StreamingRunTimeoutException.class))));
    assertThat(Throwables.getStackTraceAsString(failure), containsString("no car-b allowed"));
  }

  /** Fails on the first element with the given key. */
  private static final class FailOnKey extends DoFn<String, String> {
    private final String key;

    FailOnKey(String key) {
      this.key = key;
    }

    @ProcessElement
    public void processElement(@Element String element, OutputReceiver<String> out) {
      if (element.equals(key)) {
        throw new IllegalStateException("no " + key + " allowed");
      }
      out.output(element);
    }
  }

  private Pipeline neverEndingPipeline(PipelineOptions options) {
    return WindowedCountToParquet.build(
        options,
        ScriptedUnboundedSource.neverEnding(ScriptedEvents.THREE_WINDOWS, PACE_MILLIS),
        temp.resolve("out"));
  }

  private PipelineOptions sparkOptions() {
    return PipelineOptionsFactory.fromArgs(
            EmbeddedSpark.withDefaults("--checkpointDir=" + temp.resolve("checkpoint")))
        .create();
  }

  private static PipelineOptions directOptions() {
    return PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
  }

  private static Map<String, Long> expectedCounts() {
    return WindowedCountToParquet.expectedCounts(ScriptedEvents.THREE_WINDOWS);
  }

  private static long lastWindowStartMillis() {
    return ScriptedEvents.END_OF_LAST_WINDOW.minus(WindowedCountToParquet.WINDOW).getMillis();
  }
}

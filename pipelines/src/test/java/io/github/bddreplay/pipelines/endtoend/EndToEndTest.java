package io.github.bddreplay.pipelines.endtoend;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.pipelines.SensorPipelines;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.runner.StreamingRunResult;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import io.github.bddreplay.testing.oracle.BatchOracle;
import io.github.bddreplay.testing.oracle.OracleAssertions;
import io.github.bddreplay.testing.oracle.PipelineOutputReader;
import io.github.bddreplay.replay.DisorderPlan;
import io.github.bddreplay.replay.ReplayClock;
import io.github.bddreplay.replay.ReplayConfig;
import io.github.bddreplay.replay.ReplaySummary;
import io.github.bddreplay.replay.ResultsFolder;
import io.github.bddreplay.replay.Replayer;
import io.github.bddreplay.testing.ParquetRows;
import io.github.bddreplay.testing.RealData;
import io.github.bddreplay.verify.Verification;
import io.github.bddreplay.verify.VerifyReport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.beam.runners.spark.SparkContextOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.spark.streaming.api.java.JavaStreamingListener;
import org.apache.spark.streaming.api.java.JavaStreamingListenerBatchCompleted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real data set replayed at speedup 10 while the three pipelines run, on the DirectRunner, on
 * the Spark runner ({@code local[2]}) and on the embedded Flink (profile {@code flink-local}); the
 * final output must equal what an independent batch computation over the source files gives.
 */
class EndToEndTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final double SPEEDUP = 10;
  /**
   * Late files held back up to 3 s of replay, i.e. 30 s of event time: within the lateness (a
   * window takes rows until the newest event time read is 35 s past its end), and far enough for
   * some to come after their window's on-time pane. The watermark passes a window's end 5 s of
   * event time after its last slice and Spark fires the pane a micro-batch or two later, so a
   * file must be held back by more than about 1.3 s to make a late pane; with at most 1.5 s a run
   * got one only now and then.
   */
  private static final DisorderPlan DISORDER = new DisorderPlan(11, 0.3, 3.0);

  @TempDir Path work;

  /** What a run left behind. */
  private record Run(
      StreamingRunResult result, ReplaySummary replay, Instant replayFinished, Path results, Path output) {}

  private Run replayWhilePipelinesRun(String runner, DisorderPlan disorder) throws Exception {
    return replayWhilePipelinesRun(runner, disorder, List.of());
  }

  private Run replayWhilePipelinesRun(
      String runner, DisorderPlan disorder, List<JavaStreamingListener> listeners, String... args)
      throws Exception {
    Path results = work.resolve("results");
    ReplayConfig replay =
        new ReplayConfig(RealData.dir(), results, SPEEDUP, START, 1, disorder,
            CompressionCodecName.SNAPPY, 2, true);
    CompletableFuture<ReplaySummary> replaying =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new Replayer(replay, ReplayClock.SYSTEM,
                    new PrintStream(OutputStream.nullOutputStream())).run();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    CompletableFuture<Instant> replayFinished = replaying.thenApply(summary -> Instant.now());
    List<String> pipelineArgs =
        new ArrayList<>(
            List.of(
                runnerOption(runner),
                "--inputDir=" + results.resolve("input"),
                "--checkpointDir=" + work.resolve("checkpoints"),
                "--runTimeoutMinutes=5"));
    pipelineArgs.addAll(List.of(args));
    SensorPipelinesOptions options = SensorPipelines.parse(pipelineArgs.toArray(String[]::new));
    options.as(SparkContextOptions.class).setListeners(listeners);
    StreamingRunResult result = SensorPipelines.run(options);
    return new Run(result, replaying.get(), replayFinished.get(), results, results.resolve("output"));
  }

  /** Flink runs with its profile's settings (checkpoints, parallelism), the others by name. */
  private static String runnerOption(String runner) {
    return runner.equals("FlinkRunner") ? "--profile=flink-local" : "--runner=" + runner;
  }

  private static void assertEqualsTheOracle(Run run) throws Exception {
    assertThat(run.result().state(), is(PipelineResult.State.DONE));
    assertThat(run.replay().warnings(), is(empty()));
    assertThat(run.result().counter(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.TOO_LATE_ROWS), is(0L));
    assertThat(run.result().counter(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.ROWS_READ),
        is(RealData.LOCATION_ROWS + RealData.ACCELERATION_ROWS));

    BatchOracle oracle = BatchOracle.compute(RealData.dir(), ChronoUnit.MICROS.between(Instant.EPOCH, START));
    OracleAssertions.assertOutputsEqual(oracle, PipelineOutputReader.at(run.output()));
    for (VerifyReport verdict :
        List.of(
            Verification.of(run.results()).output(run.output()).run(),
            Verification.of(run.results()).output(run.output()).source(RealData.dir()).run())) {
      assertThat(verdict.table(), verdict.passed(), is(true));
    }
  }

  private static long latePanes(Run run) throws Exception {
    PipelineOutputReader output = PipelineOutputReader.at(run.output());
    return output.windowed().panes().latePanes();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void givesTheBatchAnswer(String runner) throws Exception {
    assertEqualsTheOracle(replayWhilePipelinesRun(runner, DisorderPlan.NONE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "SparkRunner", "FlinkRunner"})
  void lateFilesInsideTheLatenessGiveLatePanesAndTheBatchAnswer(String runner) throws Exception {
    Run run = replayWhilePipelinesRun(runner, DISORDER);
    assertEqualsTheOracle(run);
    assertThat("late panes", latePanes(run), greaterThan(0L));
  }

  @Test
  void sparkRunnerGivesTheBatchAnswerAndClosesWindowsDuringTheReplay() throws Exception {
    Run run = replayWhilePipelinesRun("SparkRunner", DisorderPlan.NONE);
    assertEqualsTheOracle(run);
    assertThat("windowed files with an on-time pane written before the replay finished",
        onTimePaneFilesBefore(run.output().resolve("windowed"), run.replayFinished()), greaterThan(0L));
  }

  /**
   * Micro-batches of 100 ms, which three pipelines on two cores cannot keep up with: the batches
   * back up (checked: by seconds), and the end of stream comes while many are queued. Besides, from
   * the end of the replay on, every batch's completion holds Spark's listener bus for 300 ms: Beam's
   * Spark runner advances its watermark on that bus, so its advances land three or more batches
   * late, the condition under which a grouping downstream of a fired window would drop the pane as
   * late. Still every row and every window's final result must be on disk: no pipeline groups what
   * a windowed grouping emitted. (The held-back files then reach their windows before the lagging
   * on-time panes fire, so there need not be late panes.)
   */
  @Test
  void sparkRunnerBackedUpAndWithItsWatermarkLaggingStillGivesTheBatchAnswer() throws Exception {
    SchedulingDelays delays = new SchedulingDelays();
    LaggingListenerBus lag = new LaggingListenerBus(work.resolve("results"));
    Run run =
        replayWhilePipelinesRun(
            "SparkRunner", DISORDER, List.of(delays, lag), "--batchIntervalMillis=100");
    assertEqualsTheOracle(run);
    assertThat("longest wait of a micro-batch, ms", delays.maxMillis(), greaterThan(2_000L));
    assertThat("batches whose completion held the bus after the replay", lag.held(), greaterThan(5));
  }

  /** The longest a micro-batch waited for the ones before it. */
  private static final class SchedulingDelays extends JavaStreamingListener {
    private final AtomicLong maxMillis = new AtomicLong();

    @Override
    public void onBatchCompleted(JavaStreamingListenerBatchCompleted completed) {
      maxMillis.accumulateAndGet(completed.batchInfo().schedulingDelay(), Math::max);
    }

    long maxMillis() {
      return maxMillis.get();
    }
  }

  /** Holds Spark's listener bus for 300 ms per completed batch once the replay is complete. */
  private static final class LaggingListenerBus extends JavaStreamingListener {
    private final Path replayComplete;
    private final AtomicInteger held = new AtomicInteger();

    LaggingListenerBus(Path results) {
      this.replayComplete = results.resolve("input").resolve(ResultsFolder.END_OF_STREAM_MARKER);
    }

    @Override
    public void onBatchCompleted(JavaStreamingListenerBatchCompleted completed) {
      if (Files.exists(replayComplete)) {
        try {
          Thread.sleep(300);
          held.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    int held() {
      return held.get();
    }
  }

  /** The real data replayed at top speed into {@code results}, for the bounded runs. */
  private static ReplaySummary replayAtOnce(Path results) throws Exception {
    return new Replayer(
            new ReplayConfig(RealData.dir(), results, Double.POSITIVE_INFINITY, START, 1,
                DisorderPlan.NONE, CompressionCodecName.SNAPPY, 2, true),
            ReplayClock.SYSTEM,
            new PrintStream(OutputStream.nullOutputStream()))
        .run();
  }

  @Test
  void batchModeOverAFinishedReplayGivesTheSameAnswerOnEveryRunner() throws Exception {
    Path results = work.resolve("results");
    ReplaySummary replay = replayAtOnce(results);
    for (String runner : List.of("DirectRunner", "SparkRunner", "FlinkRunner")) {
      Path output = work.resolve("output-" + runner);
      StreamingRunResult result =
          SensorPipelines.run(
              SensorPipelines.parse(
                  runnerOption(runner),
                  "--mode=BATCH",
                  "--inputDir=" + results.resolve("input"),
                  "--outputDir=" + output,
                  "--checkpointDir=" + work.resolve("checkpoints-" + runner)));
      assertEqualsTheOracle(new Run(result, replay, Instant.now(), results, output));
    }
  }

  /**
   * {@code windowed} alone reads only the locations. On Beam 2.70's Spark runner a multi-output
   * read of which only the main output was consumed handed it every topic's rows.
   */
  @Test
  void windowedAloneInBatchModeOnSparkGivesTheBatchAnswer() throws Exception {
    Path results = work.resolve("results");
    replayAtOnce(results);
    Path output = work.resolve("output");
    StreamingRunResult result =
        SensorPipelines.run(
            SensorPipelines.parse(
                "--runner=SparkRunner",
                "--mode=BATCH",
                "--pipelines=windowed",
                "--inputDir=" + results.resolve("input"),
                "--outputDir=" + output,
                "--checkpointDir=" + work.resolve("checkpoints")));

    assertThat(result.state(), is(PipelineResult.State.DONE));
    assertThat(result.counter(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.ROWS_READ),
        is(RealData.LOCATION_ROWS));
    BatchOracle oracle =
        BatchOracle.compute(RealData.dir(), ChronoUnit.MICROS.between(Instant.EPOCH, START));
    OracleAssertions.assertWindowedEquals(
        oracle.windowed(), PipelineOutputReader.at(output).windowed());
    assertThat(Files.exists(output.resolve("simple")), is(false));
  }

  /** Files holding an ON_TIME row whose last modification is before {@code instant}. */
  private static long onTimePaneFilesBefore(Path folder, Instant instant) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> lastModified(f).isBefore(instant))
          .filter(f -> ParquetRows.read(f).stream()
              .anyMatch(row -> "ON_TIME".equals(String.valueOf(row.get("pane_timing")))))
          .count();
    }
  }

  private static Instant lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}

package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.oracle.BatchOracle;
import io.github.bddreplay.fixtures.oracle.EdgeCaseData;
import io.github.bddreplay.fixtures.oracle.OracleAssertions;
import io.github.bddreplay.fixtures.oracle.PipelineOutputReader;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import io.github.bddreplay.replayer.replay.Replayer;
import io.github.bddreplay.verify.Verification;
import io.github.bddreplay.verify.VerifyReport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
  /** Read from system properties by the embedded Spark's configuration, which they override. */
  private static final String CONCURRENT_JOBS = "spark.streaming.concurrentJobs";

  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final double SPEEDUP = 10;

  /**
   * Late files held back up to 3 s of replay, i.e. 30 s of event time: within the lateness (a
   * window takes rows until the newest event time read is 35 s past its end), and far enough for
   * some to come after their window's on-time pane. The watermark passes a window's end 5 s of
   * event time after its last slice and Spark fires the pane a micro-batch or two later, so a file
   * must be held back by more than about 1.3 s to make a late pane; with at most 1.5 s a run got
   * one only now and then.
   */
  private static final DisorderPlan DISORDER = new DisorderPlan(11, 0.3, 3.0);

  @TempDir Path work;

  /** What a run left behind. */
  private record Run(
      StreamingRunResult result,
      ReplaySummary replay,
      Instant replayFinished,
      Path results,
      Path output) {}

  private Run replayWhilePipelinesRun(String runner, DisorderPlan disorder) throws Exception {
    return replayWhilePipelinesRun(RealData.dir(), runner, disorder, List.of());
  }

  private Run replayWhilePipelinesRun(
      Path source,
      String runner,
      DisorderPlan disorder,
      List<JavaStreamingListener> listeners,
      String... args)
      throws Exception {
    Path results = work.resolve("results");
    ReplayConfig replay =
        new ReplayConfig(
            source, results, SPEEDUP, START, 1, disorder, CompressionCodecName.SNAPPY, 2, true);
    CompletableFuture<ReplaySummary> replaying =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new Replayer(
                        replay,
                        ReplayClock.SYSTEM,
                        new PrintStream(OutputStream.nullOutputStream()))
                    .run();
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
    SensorPipelinesOptions options = RunPipelines.parse(pipelineArgs.toArray(String[]::new));
    options.as(SparkContextOptions.class).setListeners(listeners);
    StreamingRunResult result = RunPipelines.run(options);
    return new Run(
        result, replaying.get(), replayFinished.get(), results, results.resolve("output"));
  }

  /** Flink runs with its profile's settings (checkpoints, parallelism), the others by name. */
  private static String runnerOption(String runner) {
    return runner.equals("FlinkRunner") ? "--profile=flink-local" : "--runner=" + runner;
  }

  private static void assertEqualsTheOracle(Run run) throws Exception {
    assertThat(run.result().state(), is(PipelineResult.State.DONE));
    assertThat(run.replay().warnings(), is(empty()));
    assertThat(
        run.result().counter(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.TOO_LATE_ROWS),
        is(0L));
    assertThat(
        run.result().counter(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.ROWS_READ),
        is(RealData.LOCATION_ROWS + RealData.ACCELERATION_ROWS));

    assertThat(
        "dead letters of a clean input", filesUnder(run.results().resolve("errors")), is(empty()));
    BatchOracle oracle =
        BatchOracle.compute(RealData.dir(), ChronoUnit.MICROS.between(Instant.EPOCH, START));
    OracleAssertions.assertOutputsEqual(oracle, PipelineOutputReader.at(run.output()));
    for (VerifyReport verdict :
        List.of(
            Verification.of(run.results()).output(run.output()).run(),
            Verification.of(run.results()).output(run.output()).source(RealData.dir()).run())) {
      assertThat(verdict.table(), verdict.passed(), is(true));
    }
  }

  private static List<Path> filesUnder(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
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
    assertThat(
        "windowed files with an on-time pane written before the replay finished",
        onTimePaneFilesBefore(run.output().resolve("windowed"), run.replayFinished()),
        greaterThan(0L));
  }

  /**
   * Micro-batches of 100 ms, which three pipelines on two cores cannot keep up with: the batches
   * back up (checked: by seconds), and the end of stream comes while many are queued. Besides, from
   * the end of the replay on, every batch's completion holds Spark's listener bus for 300 ms:
   * Beam's Spark runner advances its watermark on that bus, so its advances land three or more
   * batches late, the condition under which a grouping downstream of a fired window would drop the
   * pane as late. Still every row and every window's final result must be on disk: no pipeline
   * groups what a windowed grouping emitted. (The held-back files then reach their windows before
   * the lagging on-time panes fire, so there need not be late panes.)
   *
   * <p>Spark runs one streaming job at a time here, as it does by default: with the two at a time
   * of the embedded profile the 100 ms batches of the real data no longer back up (a longest wait
   * of 0.5 s), and shorter batches overflow the stack serialising the lineage of the state between
   * checkpoints. The guard against lost final panes does not depend on it; the 1,000-car benchmark
   * backs up the default settings by about 11 s, and `verify` finds every pane there.
   */
  @Test
  void sparkRunnerBackedUpAndWithItsWatermarkLaggingStillGivesTheBatchAnswer() throws Exception {
    SchedulingDelays delays = new SchedulingDelays();
    LaggingListenerBus lag = new LaggingListenerBus(work.resolve("results"));
    Run run;
    System.setProperty(CONCURRENT_JOBS, "1");
    try {
      run =
          replayWhilePipelinesRun(
              RealData.dir(),
              "SparkRunner",
              DISORDER,
              List.of(delays, lag),
              "--batchIntervalMillis=100");
    } finally {
      System.clearProperty(CONCURRENT_JOBS);
    }
    assertEqualsTheOracle(run);
    assertThat("longest wait of a micro-batch, ms", delays.maxMillis(), greaterThan(2_000L));
    assertThat(
        "batches whose completion held the bus after the replay", lag.held(), greaterThan(5));
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
      this.replayComplete = results.resolve("input").resolve(StreamLayout.END_OF_STREAM_MARKER);
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

  /** The three pipelines in batch mode over the finished replay in {@code results}. */
  private Run runBounded(String runner, Path results, ReplaySummary replay) {
    Path output = work.resolve("output-" + runner);
    StreamingRunResult result =
        RunPipelines.run(
            RunPipelines.parse(
                runnerOption(runner),
                "--mode=BATCH",
                "--inputDir=" + results.resolve("input"),
                "--outputDir=" + output,
                "--checkpointDir=" + work.resolve("checkpoints-" + runner)));
    return new Run(result, replay, Instant.now(), results, output);
  }

  /** {@code source} replayed at top speed into {@code results}, for the bounded runs. */
  private static ReplaySummary replayAtOnce(Path source, Path results) throws Exception {
    return new Replayer(
            new ReplayConfig(
                source,
                results,
                Double.POSITIVE_INFINITY,
                START,
                1,
                DisorderPlan.NONE,
                CompressionCodecName.SNAPPY,
                2,
                true),
            ReplayClock.SYSTEM,
            new PrintStream(OutputStream.nullOutputStream()))
        .run();
  }

  @Test
  void batchModeOverAFinishedReplayGivesTheSameAnswerOnEveryRunner() throws Exception {
    Path results = work.resolve("results");
    ReplaySummary replay = replayAtOnce(RealData.dir(), results);
    for (String runner : List.of("DirectRunner", "SparkRunner", "FlinkRunner")) {
      assertEqualsTheOracle(runBounded(runner, results, replay));
    }
  }

  /**
   * {@code windowed} alone reads only the locations. On Beam 2.70's Spark runner a multi-output
   * read of which only the main output was consumed handed it every topic's rows.
   */
  @Test
  void windowedAloneInBatchModeOnSparkGivesTheBatchAnswer() throws Exception {
    Path results = work.resolve("results");
    replayAtOnce(RealData.dir(), results);
    Path output = work.resolve("output");
    StreamingRunResult result =
        RunPipelines.run(
            RunPipelines.parse(
                "--runner=SparkRunner",
                "--mode=BATCH",
                "--pipelines=windowed",
                "--inputDir=" + results.resolve("input"),
                "--outputDir=" + output,
                "--checkpointDir=" + work.resolve("checkpoints")));

    assertThat(result.state(), is(PipelineResult.State.DONE));
    assertThat(
        result.counter(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.ROWS_READ),
        is(RealData.LOCATION_ROWS));
    BatchOracle oracle =
        BatchOracle.compute(RealData.dir(), ChronoUnit.MICROS.between(Instant.EPOCH, START));
    OracleAssertions.assertWindowedEquals(
        oracle.windowed(), PipelineOutputReader.at(output).windowed());
    assertThat(Files.exists(output.resolve("simple")), is(false));
  }

  /**
   * The hand-made edge cases ({@link EdgeCaseData}) replayed while the pipelines run: the two bad
   * source files are reported by the replayer and never published; the held-back file comes after
   * its window's lateness, so its rows are counted as too late and written to the late-data output
   * only; rows without uuid are in simple only and listed in row-level dead letters; the outputs
   * equal the oracle's answer for the rows that reached the stream in time, and verify agrees.
   */
  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "SparkRunner", "FlinkRunner"})
  void edgeCasesStreamedGiveTheOraclesAnswerForTheRowsInTime(String runner) throws Exception {
    Path source = edgeCases("source", EnumSet.allOf(EdgeCaseData.Part.class));
    Path inTime = edgeCases("in-time", EnumSet.of(EdgeCaseData.Part.ROWS_IN_TIME));
    Path heldBack = edgeCases("held-back", EnumSet.of(EdgeCaseData.Part.HELD_BACK));

    Run run = replayWhilePipelinesRun(source, runner, DisorderPlan.NONE, List.of());

    assertThat(run.result().state(), is(PipelineResult.State.DONE));
    assertThat(
        run.replay().warnings(),
        containsInAnyOrder(
            containsString("0-empty.parquet: not a readable Parquet file"),
            containsString(
                "0-no-speed.parquet: schema differs from the topic's (missing column speed)")));
    assertThat(
        sourceCounter(run, SensorSourceMetrics.TOO_LATE_ROWS), is(EdgeCaseData.HELD_BACK_ROWS));
    assertThat(sourceCounter(run, SensorSourceMetrics.BAD_FILES), is(0L));
    assertRowsWithoutUuidListed(run);
    long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, START);
    PipelineOutputReader output = PipelineOutputReader.at(run.output());
    OracleAssertions.assertOutputsEqual(BatchOracle.compute(inTime, startMicros), output);
    BatchOracle late = BatchOracle.compute(heldBack, startMicros);
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      OracleAssertions.assertSimpleEquals(topic, late.simpleRows(topic), output.late(topic));
    }
    try (Stream<Path> files =
        Files.list(run.output().resolve("late").resolve(Topic.LOCATIONS.folderName()))) {
      assertThat(
          "the window the late rows missed",
          files.map(file -> file.getFileName().toString()).toList(),
          everyItem(startsWith("window-20261124T100000Z-20261124T100015Z-")));
    }
    VerifyReport verdict = Verification.of(run.results()).output(run.output()).run();
    assertThat(verdict.table(), verdict.passed(), is(true));
  }

  /**
   * The same edge cases replayed at once, with the two bad files put into the input as well, then
   * read in batch mode: the bad files are dead-lettered, nothing is late, and the outputs equal the
   * oracle's answer for every readable row, and verify agrees.
   */
  @Test
  void edgeCasesInBatchModeGiveTheOraclesAnswerForEveryReadableRowOnEveryRunner() throws Exception {
    Path source = edgeCases("source", EnumSet.allOf(EdgeCaseData.Part.class));
    Path readable =
        edgeCases(
            "readable", EnumSet.of(EdgeCaseData.Part.ROWS_IN_TIME, EdgeCaseData.Part.HELD_BACK));
    Path results = work.resolve("results");
    ReplaySummary replay = replayAtOnce(source, results);
    Path bad = edgeCases("bad", EnumSet.of(EdgeCaseData.Part.BAD_FILES));
    try (Stream<Path> files = Files.walk(bad)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = results.resolve("input").resolve(bad.relativize(file));
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    BatchOracle oracle =
        BatchOracle.compute(readable, ChronoUnit.MICROS.between(Instant.EPOCH, START));
    for (String runner : List.of("DirectRunner", "SparkRunner", "FlinkRunner")) {
      Run run = runBounded(runner, results, replay);

      assertThat(runner, run.result().state(), is(PipelineResult.State.DONE));
      assertThat(runner, sourceCounter(run, SensorSourceMetrics.BAD_FILES), is(2L));
      assertThat(runner, sourceCounter(run, SensorSourceMetrics.TOO_LATE_ROWS), is(0L));
      assertRowsWithoutUuidListed(run);
      OracleAssertions.assertOutputsEqual(oracle, PipelineOutputReader.at(run.output()));
      VerifyReport verdict = Verification.of(results).output(run.output()).run();
      assertThat(verdict.table(), verdict.passed(), is(true));
      assertThat(verdict.check("dead-lettered input files").orElseThrow().found(), is("2"));
    }
  }

  private Path edgeCases(String folder, Set<EdgeCaseData.Part> parts) throws Exception {
    Path root = work.resolve("edge-cases").resolve(folder);
    EdgeCaseData.write(root, parts);
    return root;
  }

  private static long sourceCounter(Run run, String counter) {
    return run.result().counter(SensorSourceMetrics.NAMESPACE, counter);
  }

  /** Counted once each, and each file holding some has a row-level dead letter listing them. */
  private static void assertRowsWithoutUuidListed(Run run) throws Exception {
    assertThat(
        sourceCounter(run, SensorSourceMetrics.ROWS_WITHOUT_UUID),
        is(EdgeCaseData.ROWS_WITHOUT_UUID));
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(run.results().resolve("errors"))) {
      entries = walk.filter(file -> file.toString().endsWith(".rows.txt")).toList();
    }
    assertThat(entries.size(), is((int) EdgeCaseData.FILES_WITH_ROWS_WITHOUT_UUID));
    long listed = 0;
    for (Path entry : entries) {
      String records =
          Files.readAllLines(entry).stream()
              .filter(line -> line.startsWith("records: "))
              .findFirst()
              .orElseThrow();
      listed += records.substring("records: ".length()).split(", ").length;
    }
    assertThat(listed, is(EdgeCaseData.ROWS_WITHOUT_UUID));
  }

  /** Files holding an ON_TIME row whose last modification is before {@code instant}. */
  private static long onTimePaneFilesBefore(Path folder, Instant instant) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> lastModified(f).isBefore(instant))
          .filter(
              f ->
                  ParquetRows.read(f).stream()
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

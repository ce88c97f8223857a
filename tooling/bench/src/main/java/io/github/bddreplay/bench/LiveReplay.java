package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.pipelines.source.SensorSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pipelines following a live replay, as a user runs them: the pipelines' JVM first, the
 * replayer's JVM once the pipelines had {@code headStart} to start, both in {@code workDir}; then
 * what reached the disk and when.
 */
final class LiveReplay {
  /** Longest a replay's pipelines may take after the replay ended before they are stopped. */
  static final Duration FINISH_TIMEOUT = Duration.ofMinutes(10);

  /** The data sets here span about two minutes of recording (real: 121.4 s, synthetic: 120 s). */
  private static final Duration LONGEST_RECORDING = Duration.ofSeconds(130);

  /**
   * A running source reads a new file within a poll interval (1 s) and a micro-batch or two; far
   * longer for the first file means the pipelines were still starting when the replay began.
   */
  private static final double NOT_READY_SECONDS = 5;

  /** What a live replay left: the two JVMs' usage and the analysed outputs. */
  record Outcome(
      ProcessUsage pipelines,
      ProcessUsage replayer,
      PublishedRows published,
      OutputTimeline outputs,
      SourceReadLog reads,
      Instant endOfStream) {
    /** The first publication's wait for the source: long when the pipelines were still starting. */
    Optional<Duration> firstReadWait() {
      PublishedFile first = published.publications().get(0);
      return reads.firstRead(first.file()).map(read -> Duration.between(first.published(), read));
    }
  }

  private LiveReplay() {}

  /** The two JVMs of a live replay, both exited, and the replay log they were measured by. */
  record Finished(
      ChildJvm.Running pipelines,
      ProcessUsage pipelinesUsage,
      ProcessUsage replayUsage,
      Path replayLog) {
    /** The replay finished and logged its publications: there is something to analyse. */
    boolean replayed() {
      return replayUsage.succeeded() && Files.exists(replayLog);
    }
  }

  /**
   * Runs the three pipelines on {@code runner} while {@code source} is replayed at {@code speedup};
   * the result reports problems (a JVM failed, rows did not reach the output) in {@code run}.
   *
   * @return the outcome, or empty when the replay failed: there is nothing to analyse
   */
  static Optional<Outcome> run(
      BenchContext context, Path workDir, Path source, double speedup, Runner runner, RunResult run)
      throws IOException, InterruptedException {
    Optional<Finished> finished =
        runJvms(context, workDir, source, speedup, 1, runner, run, pipelines -> {});
    if (finished.isEmpty() || !finished.get().replayed()) {
      return Optional.empty();
    }
    Path input = results(workDir).resolve(StreamLayout.INPUT);
    PublishedRows published = PublishedRows.read(PublishedFile.readLog(finished.get().replayLog()));
    OutputTimeline outputs =
        OutputTimeline.read(
            published,
            Launches.output(workDir),
            Duration.ofMillis(SensorSourceConfig.DEFAULT_WATERMARK_DELAY.getMillis()));
    ChildJvm.Running pipelines = finished.get().pipelines();
    Outcome outcome =
        new Outcome(
            finished.get().pipelinesUsage(),
            finished.get().replayUsage(),
            published,
            outputs,
            SourceReadLog.read(pipelines.stderr(), pipelines.started()),
            OutputFile.appeared(input.resolve(StreamLayout.END_OF_STREAM_MARKER)));
    reportIncompleteOutput(outcome, run);
    reportLateStart(outcome, run);
    return Optional.of(outcome);
  }

  /**
   * Starts the pipelines, hands them to {@code whileRunning}, replays {@code source} {@code loops}
   * times once they had their head start, and waits for both JVMs; their usage goes into {@code
   * run}.
   *
   * @return the finished JVMs, or empty when the pipelines exited before the replay began
   */
  static Optional<Finished> runJvms(
      BenchContext context,
      Path workDir,
      Path source,
      double speedup,
      int loops,
      Runner runner,
      RunResult run,
      Consumer<ChildJvm.Running> whileRunning)
      throws IOException, InterruptedException {
    Path results = results(workDir);
    Path input = results.resolve(StreamLayout.INPUT);
    Launches launches = context.launches();
    ChildJvm.Running pipelines =
        launches.pipelines(workDir, input, "simple,windowed,stream-joined", runner);
    whileRunning.accept(pipelines);
    long headStartEnd = System.nanoTime() + context.options().headStart().toNanos();
    while (System.nanoTime() < headStartEnd && pipelines.isAlive()) {
      Thread.sleep(100);
    }
    if (!pipelines.isAlive()) {
      run.usage("pipelines", pipelines.await(Duration.ZERO));
      run.problem("the pipelines exited before the replay began");
      return Optional.empty();
    }
    ChildJvm.Running replayer = launches.replay(workDir, source, results, speedup, loops);
    Duration replayTimeout =
        Duration.ofMillis((long) (LONGEST_RECORDING.toMillis() * loops / speedup))
            .plus(FINISH_TIMEOUT);
    ProcessUsage replayUsage = replayer.await(replayTimeout);
    if (!replayUsage.succeeded()) {
      pipelines.kill();
    }
    ProcessUsage pipelinesUsage = pipelines.await(FINISH_TIMEOUT);
    run.usage("pipelines", pipelinesUsage);
    run.helperUsage("replayer", replayUsage);
    // The replay log is small and says what was measured: keep it with the logs.
    Path replayLog = results.resolve(StreamLayout.REPLAY_LOG);
    if (Files.exists(replayLog)) {
      Files.copy(replayLog, Launches.logs(workDir).resolve(StreamLayout.REPLAY_LOG));
    }
    // Failed pipelines may still have written much; what reached the disk is worth analysing.
    return Optional.of(new Finished(pipelines, pipelinesUsage, replayUsage, replayLog));
  }

  /** The results folder the replayer of a live replay in {@code workDir} writes. */
  private static Path results(Path workDir) {
    return workDir.resolve("replay");
  }

  /** The first publication read long after it appeared: start-up is inside the latencies. */
  private static void reportLateStart(Outcome outcome, RunResult run) {
    Double firstWait = outcome.firstReadWait().map(Seconds::of).orElse(null);
    run.detail("first_publication_read_wait_s", firstWait);
    // Pipelines that failed are reported as such; their reading is no sign of a short head start.
    if (outcome.pipelines().succeeded() && (firstWait == null || firstWait > NOT_READY_SECONDS)) {
      run.problem(
          "the pipelines read the first publication "
              + (firstWait == null ? "never" : firstWait + " s after it appeared")
              + ": they were still starting, raise --head-start");
    }
  }

  /** Rows that never reached simple/, or that no publication held, make the run invalid. */
  private static void reportIncompleteOutput(Outcome outcome, RunResult run) {
    long missing = 0;
    long extra = 0;
    for (OutputTimeline.SliceOutput slice : outcome.outputs().slices()) {
      missing += Math.max(0, slice.rows() - slice.rowsOnDisk());
      extra += Math.max(0, slice.rowsOnDisk() - slice.rows());
    }
    if (missing + extra > 0) {
      run.problem(
          "output/simple does not hold the replayed rows exactly once: "
              + missing
              + " missing, "
              + extra
              + " extra");
    }
    if (outcome.outputs().rowsFromNoPublication() > 0) {
      run.problem(
          outcome.outputs().rowsFromNoPublication()
              + " rows in output/simple match no replayed row");
    }
    // Should be none; if some, their latency is attributed to the earlier publication.
    run.detail("row_keys_in_two_publications", outcome.published().ambiguousKeys());
  }
}

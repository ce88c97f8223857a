package io.github.bddreplay.app;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.sinks.WriteWindowedParquet;
import io.github.bddreplay.replayer.replay.PreparedReplay;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import io.github.bddreplay.replayer.replay.Replayer;
import io.github.bddreplay.runners.FlinkCheckpoints;
import io.github.bddreplay.runners.RunPipelines;
import io.github.bddreplay.runners.SparkRestart;
import io.github.bddreplay.runners.StreamingRunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.io.FileSystems;

/**
 * One run of the demo: a replay, prepared (its results folder checked and cleared) before the
 * pipelines start reading the folder it fills, then both running side by side until the pipelines
 * have made every window final. A failure of either stops the other.
 *
 * <p>When the run's {@code --checkpointDir} already holds a checkpoint, the run resumes an
 * interrupted one: the replayer continues the recorded replay instead of starting over (which would
 * clear {@code input/} and shift every event time). What the pipelines do depends on the runner
 * ({@link Resume}).
 */
final class DemoRun {
  /** What the two halves reported. */
  record Result(ReplaySummary replay, StreamingRunResult pipelines) {}

  /** How the pipelines of a resumed run go on. */
  enum Resume {
    /** Nothing to resume: a fresh replay, fresh outputs. */
    AFRESH,
    /**
     * Spark: the pipelines start afresh over everything published so far (the input folder is the
     * stream's durable log), rewriting {@code output/}. They do not restore Spark's checkpoint: on
     * Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) that loses the data of the micro-batches in
     * flight at the crash (measured: a restart of the real-data demo lost two stream-joined
     * windows; the runner's SourceDStream refuses to re-read batch times it had generated), while
     * re-reading the log gives the outputs of an uninterrupted run.
     */
    FROM_THE_LOG,
    /**
     * Flink: the job is restored from its newest completed checkpoint and reads on from there;
     * {@code output/} keeps what the sinks wrote, which is only checkpointed input, and loses only
     * the files left unfinished by the kill.
     */
    FROM_THE_CHECKPOINT
  }

  private final PreparedReplay replay;
  private final SensorPipelinesOptions options;
  private final Resume resume;

  private DemoRun(PreparedReplay replay, SensorPipelinesOptions options, Resume resume) {
    this.replay = replay;
    this.options = options;
    this.resume = resume;
  }

  /**
   * Prepares the replay of {@code config} and the options of pipelines that read its input folder.
   * It empties the results folder's {@code output/} and {@code errors/}: what they hold afterwards
   * is this run's (or, resumed, this stream's).
   */
  static DemoRun prepare(ReplayConfig config, List<String> pipelineArguments) throws IOException {
    if (!config.results().isLocal()) {
      // verify and the report read the results folder with local file I/O.
      throw new BadInputException(
          "the demo keeps its results on this machine, not in "
              + config.results()
              + ": on a cluster file system run `replay --results=...` and `pipelines"
              + " --inputDir=.../input` instead");
    }
    List<String> args = new ArrayList<>(pipelineArguments);
    args.add("--inputDir=" + config.results().resolve("input"));
    SensorPipelinesOptions options = RunPipelines.parse(args.toArray(new String[0]));
    FileSystems.setDefaultPipelineOptions(options);
    String checkpoint = runnerCheckpoint(options);
    Resume resume =
        checkpoint == null
            ? Resume.AFRESH
            : isFlink(options) ? Resume.FROM_THE_CHECKPOINT : Resume.FROM_THE_LOG;
    PreparedReplay replay =
        new Replayer(config.withResume(resume != Resume.AFRESH), ReplayClock.SYSTEM, System.out)
            .prepare();
    if (resume != Resume.AFRESH && !replay.resumed()) {
      throw new BadInputException(
          checkpoint
              + " holds a checkpoint, but "
              + config.results()
              + " records no replay to resume with it: give a new --checkpointDir to start afresh");
    }
    if (resume == Resume.FROM_THE_CHECKPOINT) {
      for (PipelineOutput output : PipelineOutput.values()) {
        WriteWindowedParquet.discardUnfinishedFiles(output.directoryUnder(options.getOutputDir()));
      }
    } else {
      if (resume == Resume.FROM_THE_LOG) {
        SparkRestart.discardCheckpoint(options);
      }
      replay.results().empty("output");
      replay.results().empty("errors");
    }
    return new DemoRun(replay, options, resume);
  }

  SensorPipelinesOptions options() {
    return options;
  }

  /**
   * What to tell the user about restarts: where Spark checkpoints, and whether this run resumes
   * from there.
   */
  String restartNote() {
    if (!SparkRunner.class.equals(options.getRunner()) && !isFlink(options)) {
      return "the "
          + options.getRunner().getSimpleName()
          + " keeps no checkpoint: a restart starts over";
    }
    String checkpointDir = SparkRestart.checkpointDir(options);
    return switch (resume) {
      case FROM_THE_LOG ->
          "resuming the interrupted run of "
              + checkpointDir
              + ": the replay continues, the"
              + " pipelines read the stream again from its start";
      case FROM_THE_CHECKPOINT ->
          "resuming the interrupted run of "
              + checkpointDir
              + ": the replay continues, the"
              + " pipelines go on from Flink's newest checkpoint";
      case AFRESH ->
          "checkpoints in "
              + checkpointDir
              + " (if interrupted, run again with --checkpointDir="
              + checkpointDir
              + " to resume)";
    };
  }

  /**
   * Runs the replay and the pipelines until both are done, or until one of them fails; the other
   * then runs on in daemon threads or Spark's, which the caller ends by exiting the JVM.
   */
  Result execute() throws Exception {
    CompletableFuture<ReplaySummary> replayed = inThread("replayer", this::replay);
    CompletableFuture<StreamingRunResult> processed =
        inThread("pipelines", () -> RunPipelines.run(options));
    CompletableFuture.anyOf(replayed, processed).exceptionally(e -> null).join();
    if (processed.isCompletedExceptionally()) {
      result(processed);
    }
    ReplaySummary replaySummary = result(replayed);
    return new Result(replaySummary, result(processed));
  }

  private ReplaySummary replay() {
    try {
      return replay.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the replay was interrupted", e);
    }
  }

  /**
   * By class name: the Spark bundle for spark-submit leaves Flink out, so its runner class may be
   * absent.
   */
  private static boolean isFlink(SensorPipelinesOptions options) {
    return options.getRunner().getSimpleName().equals("FlinkRunner");
  }

  /**
   * The checkpoint the runner left in the pipelines' {@code --checkpointDir}, if there is one:
   * Spark's checkpoint folder, or Flink's newest completed checkpoint; else null (the DirectRunner
   * keeps none).
   */
  private static String runnerCheckpoint(SensorPipelinesOptions options) throws IOException {
    if (isFlink(options)) {
      return FlinkCheckpoints.latestCompleted(SparkRestart.checkpointDir(options))
          .map(Object::toString)
          .orElse(null);
    }
    return SparkRestart.checkpointOf(options).orElse(null);
  }

  /** Runs {@code work} on a thread of its own, so the demo's thread can wait for either half. */
  private static <T> CompletableFuture<T> inThread(String name, Supplier<T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(work.get());
              } catch (Throwable e) {
                future.completeExceptionally(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private static <T> T result(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}

package io.github.bddreplay.sparksubmit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.fixtures.oracle.RealDataAnswer;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.fixtures.restart.DemoRestart;
import io.github.bddreplay.fixtures.restart.LoggedProcess;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.PreparedReplay;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import io.github.bddreplay.replayer.replay.Replayer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's {@code pipelines} alone, spark-submitted on {@code local[2]} while a replay of the
 * real data (speedup 5, 30 % of the files late) runs beside it in this JVM, killed (SIGKILL)
 * mid-stream once it has written a windowed file and a Spark checkpoint, and submitted again with
 * the same {@code --checkpointDir}: the second run must say it restarts from the input, finish, and
 * leave the outputs of an uninterrupted run, equal to the batch oracle's, with no unfinished file.
 */
class PipelinesRestartIT {
  private static final String APP = "io.github.bddreplay.app.BddReplayApp";
  private static final Duration SECOND_RUN_AT_MOST = Duration.ofMinutes(5);

  @TempDir Path work;

  @Test
  void aKilledRunStartedAgainFinishesWithTheBatchAnswer() throws Exception {
    SparkHome spark = SparkHome.fromBuild();
    Path logs = Paths.get(SparkHome.property("spark.it.logs")).resolve("pipelinesRestart");
    Path results = work.resolve("results");
    Path checkpoints = work.resolve("checkpoints");
    PreparedReplay replay =
        new Replayer(
                new ReplayConfig(
                    RealData.dir(),
                    results,
                    5,
                    DemoRestart.START,
                    1,
                    new DisorderPlan(11, 0.3, 1.5),
                    CompressionCodecName.SNAPPY,
                    2,
                    true),
                ReplayClock.SYSTEM,
                new PrintStream(OutputStream.nullOutputStream()))
            .prepare();
    List<String> submit = new ArrayList<>(List.of("--master", "local[2]", "--driver-memory", "1g"));
    submit.addAll(List.of("--class", APP, spark.bundle().toString(), "pipelines"));
    submit.add("--inputDir=" + results.resolve(StreamLayout.INPUT));
    submit.add("--checkpointDir=" + checkpoints);
    submit.add("--runTimeoutMinutes=4");
    List<String> command = spark.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit", submit);
    Path marker = results.resolve(StreamLayout.INPUT).resolve(StreamLayout.END_OF_STREAM_MARKER);

    CompletableFuture<ReplaySummary> replaying;
    try (LoggedProcess first =
        LoggedProcess.start("first run", command, spark.environment(), logs.resolve("first.log"))) {
      // The stream starts once the pipelines run (their first micro-batch checkpointed), so the
      // kill lands inside its 32 s however long spark-submit took to start.
      Path sparkCheckpoint = checkpoints.resolve("spark-checkpoint");
      DemoRestart.waitFor(first, () -> holds(sparkCheckpoint, "checkpoint-"), "first checkpoint");
      replaying = BackgroundReplay.start(replay);
      Path windowed = results.resolve(StreamLayout.OUTPUT).resolve(StreamLayout.WINDOWED);
      DemoRestart.waitFor(first, () -> holds(windowed, "window-"), "windowed file");
      assertFalse(Files.exists(marker), "the replay had ended before the kill: not mid-stream");
      first.kill();
    }
    Path secondLog = logs.resolve("second.log");
    try (LoggedProcess second =
        LoggedProcess.start("second run", command, spark.environment(), secondLog)) {
      int exit = second.waitFor(SECOND_RUN_AT_MOST);
      assertEquals(0, exit, () -> "the second run exited with " + exit + "\n" + second.tail());
      assertThat(replaying.get().warnings(), is(empty()));
      RealDataAnswer.assertOutputsUnder(results, DemoRestart.START, second::tail);
      assertThat(
          "unfinished files left in output/",
          unfinishedFiles(results.resolve(StreamLayout.OUTPUT)),
          is(empty()));
      assertThat(
          Files.readString(secondLog),
          containsString("restarting: " + checkpoints.resolve("spark-checkpoint")));
    }
  }

  private static boolean holds(Path folder, String prefix) {
    return DemoRestart.holds(folder, prefix, "");
  }

  private static List<Path> unfinishedFiles(Path output) throws IOException {
    try (Stream<Path> files = Files.walk(output)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(StreamLayout.IN_PROGRESS_PREFIX))
          .toList();
    }
  }
}

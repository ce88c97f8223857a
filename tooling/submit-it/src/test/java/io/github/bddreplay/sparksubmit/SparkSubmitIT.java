package io.github.bddreplay.sparksubmit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bddreplay.fixtures.oracle.RealDataAnswer;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.fixtures.restart.LoggedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle as users run it: spark-submit on a Spark home like the official distribution's, with
 * {@code --master local[2]} and against a standalone cluster, replaying the real data at speedup 10
 * while the three pipelines run. The final outputs must equal the batch oracle's, as in the
 * pipelines' EndToEndTest.
 *
 * <p>Every child process writes to a file under target/spark-submit-it/&lt;test&gt;/; failures show
 * their last lines.
 */
class SparkSubmitIT {
  private static final String APP = "io.github.bddreplay.app.BddReplayApp";
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  /** Backstop only: the job itself gives up after --runTimeoutMinutes. */
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path work;
  private SparkHome spark;
  private Path logs;

  @BeforeEach
  void locate(TestInfo test) throws IOException {
    spark = SparkHome.fromBuild();
    RealData.dir();
    logs =
        Paths.get(SparkHome.property("spark.it.logs"))
            .resolve(test.getTestMethod().orElseThrow().getName());
    deleteRecursively(logs);
  }

  @Test
  void localMasterGivesTheBatchAnswer() throws Exception {
    submitAndCompare("local[2]", List.of(), List.of(), () -> "");
  }

  @Test
  void standaloneClusterGivesTheBatchAnswer() throws Exception {
    try (StandaloneCluster cluster = StandaloneCluster.start(spark, logs)) {
      submitAndCompare(
          cluster.masterUrl(),
          List.of("--executor-memory", "1g", "--total-executor-cores", "2"),
          List.of("--profile=spark-standalone"),
          cluster::logTails);
    }
  }

  /**
   * spark-submit of the bundle's main class on {@code master}, which replays the real data into a
   * fresh results folder and runs all three pipelines until the replay is over and every window is
   * final; then the outputs against the oracle.
   */
  private void submitAndCompare(
      String master,
      List<String> submitOptions,
      List<String> appOptions,
      Supplier<String> clusterLogs)
      throws Exception {
    Path results = work.resolve("results");
    List<String> submit = new ArrayList<>();
    submit.addAll(List.of("--master", master, "--deploy-mode", "client"));
    // bin/spark-submit turns this into the driver JVM's -Xmx, which javaCommand sets.
    submit.addAll(List.of("--driver-memory", "1g"));
    submit.addAll(submitOptions);
    submit.addAll(List.of("--class", APP, spark.bundle().toString()));
    submit.addAll(
        List.of(
            "--source=" + RealData.dir(),
            "--results=" + results,
            "--speedup=10",
            "--start=" + START,
            "--pipelines=simple,windowed,stream-joined",
            "--checkpointDir=" + work.resolve("checkpoints"),
            "--runTimeoutMinutes=3"));
    submit.addAll(appOptions);

    try (LoggedProcess job =
        LoggedProcess.start(
            "spark-submit",
            spark.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit", submit),
            spark.environment(),
            logs.resolve("spark-submit.log"))) {
      int exit = job.waitFor(SUBMIT_TIMEOUT);
      Supplier<String> diagnostics = () -> job.tail() + clusterLogs.get();
      assertEquals(0, exit, () -> "spark-submit exited with " + exit + "\n" + diagnostics.get());
      RealDataAnswer.assertOutputsUnder(results, START, diagnostics);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

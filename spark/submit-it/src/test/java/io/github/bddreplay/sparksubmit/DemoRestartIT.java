package io.github.bddreplay.sparksubmit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.bddreplay.replay.ResultsFolder;
import io.github.bddreplay.testing.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo killed mid-run (SIGKILL, as a crash: no shutdown hook) and started again with the same
 * {@code --checkpointDir}: the second run resumes the replay and the pipelines and ends with the
 * outputs of an uninterrupted run, equal to the batch oracle's: no window lost, none duplicated in
 * the final panes. The kill must land mid-replay (checked before the kill and from the resumed
 * replay's count). Late files (30 %, up to 15 s of event time) are part of the stream; whether they
 * make late panes in a given run is not asserted (at that delay they do only now and then).
 */
class DemoRestartIT {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(3);
  private static final Duration SECOND_RUN_AT_MOST = Duration.ofMinutes(5);
  private static final Pattern RESUMED =
      Pattern.compile("resuming the replay .*: (\\d+) of (\\d+) publications already in ");

  @TempDir Path work;

  @Test
  void aRestartWithTheSameCheckpointFinishesWithTheBatchAnswer() throws Exception {
    SparkHome spark = SparkHome.fromBuild();
    Path logs = Paths.get(SparkHome.property("spark.it.logs")).resolve("demoRestart");
    Path results = work.resolve("results");
    Path checkpoints = work.resolve("checkpoints");
    List<String> command = demo(spark, results, checkpoints);

    try (LoggedProcess first =
        LoggedProcess.start("first run", command, spark.environment(), logs.resolve("first.log"))) {
      waitForOutputAndCheckpoint(first, results, checkpoints);
      assertTrue(first.isAlive(), () -> "the first run ended before it could be killed\n" + first.tail());
      assertFalse(
          Files.exists(results.resolve("input").resolve(ResultsFolder.END_OF_STREAM_MARKER)),
          "the replay had finished before the kill: too late for a mid-replay restart");
      first.kill();
    }

    try (LoggedProcess second =
        LoggedProcess.start("second run", command, spark.environment(), logs.resolve("second.log"))) {
      int exit = second.waitFor(SECOND_RUN_AT_MOST);
      assertEquals(0, exit, () -> "the resumed run exited with " + exit + "\n" + second.tail());
      String log = Files.readString(logs.resolve("second.log"));
      assertThat(log, containsString("resuming the interrupted run"));
      assertKilledMidReplay(log);
      RealDataAnswer.assertOutputsUnder(results, START, second::tail);
    }
  }

  /**
   * The resumed replay says how many publications the first run had made: some, not all, or the
   * kill did not land mid-replay.
   */
  private static void assertKilledMidReplay(String secondLog) {
    Matcher resumed = RESUMED.matcher(secondLog);
    assertTrue(resumed.find(), "the second run did not say where it resumed the replay");
    int published = Integer.parseInt(resumed.group(1));
    int all = Integer.parseInt(resumed.group(2));
    assertTrue(
        published > 0 && published < all,
        () -> "the kill landed after " + published + " of " + all + " publications, not mid-replay");
  }

  /** spark-submit of the bundle's demo on local[2], at speedup 10 with late files. */
  private static List<String> demo(SparkHome spark, Path results, Path checkpoints) {
    List<String> submit = new ArrayList<>(List.of("--master", "local[2]", "--driver-memory", "1g"));
    submit.add(spark.bundle().toString());
    submit.addAll(
        List.of(
            "--source=" + RealData.dir(),
            "--results=" + results,
            "--speedup=10",
            "--start=" + START,
            "--late-fraction=0.3",
            "--max-delay=1.5",
            "--seed=11",
            "--checkpointDir=" + checkpoints,
            "--runTimeoutMinutes=4",
            "-q"));
    return spark.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit", submit);
  }

  /**
   * Waits until the kill can land where this test means it to: mid-run, after the pipelines wrote
   * a first windowed file (the replay of 120 s at speedup 10 takes 12 s, the windows close during
   * it) and after Spark wrote a first checkpoint (without one the second run starts afresh instead
   * of resuming, and the test would prove nothing about a restart).
   */
  private static void waitForOutputAndCheckpoint(LoggedProcess run, Path results, Path checkpoints)
      throws Exception {
    long deadline = System.nanoTime() + FIRST_RUN_AT_MOST.toNanos();
    Path windowed = results.resolve("output").resolve("windowed");
    Path sparkCheckpoint = checkpoints.resolve("spark-checkpoint");
    while (System.nanoTime() < deadline && run.isAlive()) {
      if (holds(windowed, ".parquet", "window-") && holds(sparkCheckpoint, "", "checkpoint-")) {
        return;
      }
      Thread.sleep(100);
    }
    fail("the first run wrote no windowed file and Spark checkpoint in time (alive: " + run.isAlive()
        + ")\n" + run.tail());
  }

  private static boolean holds(Path folder, String suffix, String prefix) throws Exception {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString())
          .anyMatch(name -> name.startsWith(prefix) && name.endsWith(suffix));
    }
  }
}

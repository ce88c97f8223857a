package io.github.bddreplay.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.fixtures.oracle.RealDataAnswer;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.fixtures.restart.DemoRestart;
import io.github.bddreplay.runners.FlinkCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on the embedded Flink killed mid-replay and started again with the same {@code
 * --checkpointDir} ({@link DemoRestart}): the job is restored from Flink's newest checkpoint, so
 * the resumed pipelines read only what came after it, and the outputs, kept from the first run and
 * completed by the second, equal the batch oracle's (the demo's own verify passing too: its exit
 * code is 0 only then, and verify fails on an unfinished file left in the outputs).
 */
class FlinkDemoRestartTest {
  /** The resumed run's summary: "read locations N rows from F files; accelerations ...". */
  private static final Pattern FILES_READ =
      Pattern.compile(
          "read +locations \\d+ rows from (\\d+) files; accelerations \\d+ rows from (\\d+) files");

  @TempDir Path work;

  @Test
  void aKilledDemoGoesOnFromFlinksCheckpointWithTheBatchAnswer() throws Exception {
    Path results = work.resolve("results");
    Path checkpoints = work.resolve("checkpoints");
    DemoRestart restart =
        new DemoRestart(
            demo(results, checkpoints),
            Map.of(),
            results,
            work.resolve("logs"),
            () -> FlinkCheckpoints.latestCompleted(checkpoints.toString()).isPresent());

    DemoRestart.Resumed resumed = restart.killAndResume(DemoRestart.KillPoint.MID_REPLAY);

    assertThat(resumed.log(), containsString("go on from Flink's newest checkpoint"));
    assertThat(resumed.log(), containsString("Restoring the Flink job from"));
    Matcher read = FILES_READ.matcher(resumed.log());
    assertTrue(read.find(), () -> "no summary of the files read\n" + resumed.tail());
    int filesRead = Integer.parseInt(read.group(1)) + Integer.parseInt(read.group(2));
    assertThat("files the restored job read", filesRead, greaterThan(0));
    assertThat("files the restored job read", filesRead, lessThan(inputFiles(results)));
    RealDataAnswer.assertOutputsUnder(results, DemoRestart.START, resumed::tail);
  }

  private static int inputFiles(Path results) throws Exception {
    try (Stream<Path> files = Files.walk(results.resolve("input"))) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    }
  }

  /**
   * The demo in a JVM of its own, on this test's class path and the build's module flags, with late
   * files; at speedup 5 the replay takes 24 s, time enough for a first checkpoint (every 2 s) and
   * window before the kill.
   */
  private static List<String> demo(Path results, Path checkpoints) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    // The root pom's spark.add-opens: the java @argument-file every JVM of the build gets.
    command.add(
        Objects.requireNonNull(
            System.getProperty("spark.add-opens"),
            "spark.add-opens is not set: run the test with Maven"));
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            BddReplayApp.class.getName(),
            "--profile=flink-local"));
    command.addAll(DemoRestart.demoArguments(RealData.dir(), results, checkpoints, 5));
    return command;
  }
}

package io.github.bddreplay.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's surface: help, and bad input as one error line; no run starts here. */
class BddReplayAppTest {
  @TempDir Path temp;

  @Test
  void helpListsTheDemosOptionsAndThePipelineAndRunnerOptions() {
    Console console = Console.run("--help");

    assertThat(console.exitCode, is(0));
    for (String option :
        new String[] {
          "--source",
          "--results",
          "--speedup",
          "--start",
          "--pipelines",
          "--late-fraction",
          "--max-delay",
          "--seed",
          "--profile",
          "--sparkMaster",
          "--checkpointDir",
          "--batchIntervalMillis",
          "--runner",
          "--windowSeconds",
          "--inputDir"
        }) {
      assertThat(option, console.out, containsString(option + "="));
    }
    assertThat(console.out, containsString("local[2] (profile spark-local)"));
    assertThat(console.out, containsString("pipelines"));
    assertThat(console.out, not(containsString("--resume")));
  }

  @Test
  void thePipelinesAloneListTheirOptions() {
    Console console = Console.run("pipelines", "--help");

    assertThat(console.exitCode, is(0));
    assertThat(console.out, containsString("--inputDir="));
    assertThat(console.out, containsString("--mode="));
  }

  @Test
  void anUnknownPipelineIsOneErrorLine() {
    Console console =
        Console.run(
            "--source=" + temp.resolve("nowhere"),
            "--results=" + temp.resolve("r"),
            "--pipelines=fast");

    assertThat(console.exitCode, is(2));
    assertThat(console.err, startsWith("error: "));
    assertThat(console.err, containsString("unknown pipeline 'fast'"));
  }

  @Test
  void anUnknownRunnerOptionIsOneErrorLine() {
    Console console =
        Console.run(
            "--source=" + temp.resolve("nowhere"),
            "--results=" + temp.resolve("r"),
            "--sparkMastr=local[1]");

    assertThat(console.exitCode, is(2));
    assertThat(console.err, startsWith("error: "));
    assertThat(console.err, containsString("sparkMastr"));
  }

  @Test
  void aMissingSourceIsOneErrorLineNamingIt() {
    Path missing = temp.resolve("no-such-data");
    Console console = Console.run("--source=" + missing, "--results=" + temp.resolve("r"));

    assertThat(console.exitCode, is(2));
    assertThat(console.err, startsWith("error: "));
    assertThat(console.err, containsString(missing.toString()));
  }

  /** What a command line printed and returned. */
  private record Console(int exitCode, String out, String err) {
    static Console run(String... args) {
      PrintStream out = System.out;
      PrintStream err = System.err;
      ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
      ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int exitCode = BddReplayApp.execute(args);
        return new Console(
            exitCode,
            outBytes.toString(StandardCharsets.UTF_8),
            errBytes.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
    }
  }
}

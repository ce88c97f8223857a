package io.github.bddreplay.replayer.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay command as a user meets it: exit codes and one-line errors. */
class BddReplayCliTest {
  @TempDir Path work;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exitCode = BddReplayCli.execute(args);
      return new Run(
          exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  @Test
  void replaysTheRealDataAsFastAsPossible() throws Exception {
    Run run =
        run(
            "replay",
            "--source",
            RealData.dir().toString(),
            "--results",
            work.resolve("r").toString(),
            "--speedup",
            "max",
            "--quiet");

    assertThat(run.err(), run.exitCode(), is(0));
    assertThat(
        run.out(),
        containsString("808 source files, 23990 rows (accelerations 23512, locations 478)"));
    assertThat(Files.exists(work.resolve("r/input/_REPLAY_COMPLETE")), is(true));
  }

  @Test
  void aMissingSourceIsOneLineAndExitCodeTwo() {
    Path nowhere = work.resolve("nowhere");
    Run run =
        run("replay", "--source", nowhere.toString(), "--results", work.resolve("r").toString());

    assertThat(run.exitCode(), is(2));
    assertThat(
        run.err(),
        is(
            "error: source folder "
                + nowhere
                + " does not exist or is not a folder"
                + System.lineSeparator()));
  }

  @Test
  void theRootAsResultsFolderIsRefused() {
    Run run = run("replay", "--source", RealData.dir().toString(), "--results", "/");

    assertThat(run.exitCode(), is(2));
    assertThat(run.err(), containsString("error: refusing to use the file system root"));
    assertThat(run.err(), not(containsString("\tat ")));
  }

  @Test
  void badOptionValuesAreExplained() {
    Run run = run("replay", "--source", RealData.dir().toString(), "--speedup", "-3");

    assertThat(run.exitCode(), is(2));
    assertThat(run.err(), containsString("speedup must be a positive number or 'max': -3"));
  }

  @Test
  void helpListsTheOptions() {
    Run run = run("replay", "--help");

    assertThat(run.exitCode(), is(0));
    for (String option :
        new String[] {
          "--source",
          "--results",
          "--speedup",
          "--start",
          "--seed",
          "--late-fraction",
          "--max-delay",
          "--loop",
          "--codec",
          "--threads",
          "--quiet",
          "--resume"
        }) {
      assertThat(run.out(), containsString(option));
    }
  }

  @Test
  void optionsTakeTheirValueAfterAnEqualsSignAndAResumeOfAFinishedReplayPublishesNothing() {
    String results = work.resolve("r").toString();
    Run first =
        run(
            "replay",
            "--source=" + RealData.dir(),
            "--results=" + results,
            "--speedup=max",
            "--start=2026-11-24T10:00:00Z",
            "--seed=3",
            "--late-fraction=0.02",
            "--max-delay=2",
            "--quiet");
    assertThat(first.err(), first.exitCode(), is(0));
    assertThat(first.out(), containsString("808 source files, 23990 rows"));

    Run again =
        run(
            "replay",
            "--source",
            RealData.dir().toString(),
            "--results",
            results,
            "--speedup",
            "max",
            "--seed",
            "3",
            "--late-fraction",
            "0.02",
            "--max-delay",
            "2",
            "--quiet",
            "--resume");

    assertThat(again.err(), again.exitCode(), is(0));
    assertThat(again.out(), containsString("the replay was already complete: nothing published"));
  }

  @Test
  void aResumeWithAnotherSpeedupIsOneLineAndExitCodeTwo() {
    String results = work.resolve("r").toString();
    Run first =
        run(
            "replay",
            "--source",
            RealData.dir().toString(),
            "--results",
            results,
            "--speedup",
            "max",
            "-q");
    assertThat(first.err(), first.exitCode(), is(0));

    Run resumed =
        run(
            "replay",
            "--source",
            RealData.dir().toString(),
            "--results",
            results,
            "--speedup=10",
            "-q",
            "--resume");

    assertThat(resumed.exitCode(), is(2));
    assertThat(
        resumed.err(),
        is(
            "error: cannot resume the replay recorded in "
                + work.resolve("r").resolve("replay-state.json")
                + ": --speedup 10.0 differs from the recorded max; give the recorded settings, or start afresh"
                + " without --resume"
                + System.lineSeparator()));
  }
}

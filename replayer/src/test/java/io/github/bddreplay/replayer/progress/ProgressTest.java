package io.github.bddreplay.replayer.progress;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress as plain lines, through progressbar's own update thread. */
class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void plainLinesBeginWithTheFirstStateAndEndWithTheFinalOne() {
    try (Progress progress = Progress.plainLines("synth", 2000, "cars", out)) {
      progress.stepBy(1500);
      progress.stepTo(2000);
    }

    List<String> lines = lines();
    assertThat(lines, hasSize(2));
    assertThat(lines.get(0), startsWith("synth: 0/2000 cars (0%), 0:00:0"));
    assertThat(lines.get(1), startsWith("synth: 2000/2000 cars (100%), done in 0:00:0"));
  }

  @Test
  void aProgressClosedRightAfterItStartedStillShowsItsFirstAndFinalState() {
    for (int run = 0; run < 50; run++) {
      bytes.reset();
      try (Progress progress = Progress.plainLines("synth", 4, "cars", out)) {
        progress.stepBy(4);
      }

      List<String> lines = lines();
      assertThat("run " + run + ": " + lines, lines, hasSize(2));
      assertThat(lines.get(0), startsWith("synth: 0/4 cars (0%)"));
      assertThat(lines.get(1), startsWith("synth: 4/4 cars (100%), done in "));
    }
  }

  @Test
  void theLinesInBetweenShowDoneOfTotalTheTimeSoFarAndTheEta() throws InterruptedException {
    try (Progress progress = Progress.plainLines("synth", 4, "cars", out, Duration.ZERO)) {
      progress.note("half the drives are long");
      progress.stepBy(1);
      String line = awaitLineStartingWith("synth: 1/4 cars (25%)");

      assertThat(
          line,
          matchesPattern(
              "synth: 1/4 cars \\(25%\\), \\d+:\\d\\d:\\d\\d elapsed, ETA \\d+:\\d\\d:\\d\\d;"
                  + " half the drives are long"));
    }
  }

  @Test
  void workOfUnknownSizeShowsWhatIsDoneAndTheTime() {
    try (Progress progress =
        Progress.plainLines("backfill", Progress.UNKNOWN_TOTAL, "files read", out)) {
      progress.stepTo(3);
    }

    List<String> lines = lines();
    assertThat(lines.get(0), startsWith("backfill: 0 files read, 0:00:0"));
    assertThat(lines.get(lines.size() - 1), startsWith("backfill: 3 files read, done in 0:00:0"));
  }

  /** The first line written that starts so, once progressbar's update thread rendered it. */
  private String awaitLineStartingWith(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line starting with '" + prefix + "' in " + lines());
  }
}

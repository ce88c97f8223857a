package io.github.bddreplay.replayer.progress;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
  private static final long UNKNOWN = Progress.UNKNOWN_TOTAL;

  @Test
  void showsDoneOfTotalTheTimeSoFarAndTheTimeLeft() {
    assertThat(
        ProgressText.words(840, 2000, "cars", Duration.ofSeconds(12), false, ""),
        is("840/2000 cars (42%), 0:00:12 elapsed, ETA 0:00:16"));
  }

  @Test
  void hasNoEtaBeforeAnythingIsDoneNorOnceAllIs() {
    assertThat(
        ProgressText.words(0, 2000, "cars", Duration.ofSeconds(3), false, ""),
        is("0/2000 cars (0%), 0:00:03 elapsed"));
    assertThat(
        ProgressText.words(810, 810, "read", Duration.ofSeconds(95), false, "writing"),
        is("810/810 read (100%), 0:01:35 elapsed; writing"));
  }

  @Test
  void aFinishedProgressShowsTheTimeItTookAndNoNote() {
    assertThat(
        ProgressText.words(2000, 2000, "cars", Duration.ofSeconds(3_725), true, "writing"),
        is("2000/2000 cars (100%), done in 1:02:05"));
  }

  @Test
  void aProgressClosedShortOfItsTotalSaysItStopped() {
    assertThat(
        ProgressText.words(120, 2000, "cars", Duration.ofSeconds(5), true, "writing"),
        is("120/2000 cars (6%), stopped after 0:00:05"));
  }

  @Test
  void workOfUnknownSizeHasNoPercentageAndNoEta() {
    assertThat(
        ProgressText.words(3, UNKNOWN, "read", Duration.ofSeconds(65), false, "counted late"),
        is("3 read, 0:01:05 elapsed; counted late"));
    assertThat(
        ProgressText.words(5968, UNKNOWN, "read", Duration.ofSeconds(91), true, "counted late"),
        is("5968 read, done in 0:01:31"));
  }

  @Test
  void theBarFillsAsFarAsTheWorkIsDone() {
    assertThat(ProgressText.bar(0, 4, Duration.ZERO, false, 10), is(">         "));
    assertThat(ProgressText.bar(1, 4, Duration.ZERO, false, 10), is("==>       "));
    assertThat(ProgressText.bar(4, 4, Duration.ZERO, false, 10), is("=========="));
  }

  @Test
  void theMarkerOfWorkOfUnknownSizeMovesWithTheTimeAndBouncesBack() {
    assertThat(ProgressText.bar(0, UNKNOWN, Duration.ofSeconds(0), false, 10), is("<=>       "));
    assertThat(ProgressText.bar(0, UNKNOWN, Duration.ofSeconds(2), false, 10), is("  <=>     "));
    assertThat(ProgressText.bar(0, UNKNOWN, Duration.ofSeconds(7), false, 10), is("       <=>"));
    assertThat(ProgressText.bar(0, UNKNOWN, Duration.ofSeconds(9), false, 10), is("     <=>  "));
    assertThat(ProgressText.bar(9, UNKNOWN, Duration.ofSeconds(9), true, 10), is("=========="));
  }
}

package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatermarkTimelineTest {
  private static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
  private static final Duration DELAY = Duration.ofSeconds(5);

  /** Three publications a second apart whose rows reach event times 12 s, 21 s and 19 s. */
  private final WatermarkTimeline timeline =
      WatermarkTimeline.of(
          List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2)),
          new long[] {12_000, 21_000, 19_000},
          DELAY);

  @Test
  void aWindowEndIsPassedByTheFirstPublicationReachingEndPlusDelay() {
    assertThat(timeline.reaches(7_000), is(Optional.of(T0)));
    assertThat(timeline.reaches(7_001), is(Optional.of(T0.plusSeconds(1))));
    assertThat(timeline.reaches(16_000), is(Optional.of(T0.plusSeconds(1))));
  }

  @Test
  void aLaterPublicationWithEarlierRowsDoesNotMoveTheWatermarkBack() {
    // 19 s - 5 s would be 14 s; the watermark stays at 16 s after the second publication.
    assertThat(timeline.reaches(16_000), is(Optional.of(T0.plusSeconds(1))));
  }

  @Test
  void windowsBeyondTheDataAreNeverPassedByIt() {
    assertThat(timeline.reaches(16_001), is(Optional.empty()));
  }

  @Test
  void publicationsWithoutEventTimesDoNotCount() {
    WatermarkTimeline empty =
        WatermarkTimeline.of(
            List.of(T0, T0.plusSeconds(1)), new long[] {Long.MIN_VALUE, 10_000}, DELAY);
    assertThat(empty.reaches(Long.MIN_VALUE + 1), is(Optional.of(T0.plusSeconds(1))));
  }
}

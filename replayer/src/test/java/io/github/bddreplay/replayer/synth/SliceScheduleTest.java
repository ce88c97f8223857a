package io.github.bddreplay.replayer.synth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.github.bddreplay.contract.SliceTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SliceScheduleTest {
  @Test
  void slicesStartAtZeroAndAreSpacedLikeTheRealData() {
    List<SliceTime> times = SliceSchedule.draw(120, new SplittableRandom(7));
    assertThat(times.get(0), is(new SliceTime(0)));
    for (int i = 1; i < times.size(); i++) {
      long spacing = times.get(i).tenths() - times.get(i - 1).tenths();
      assertThat(spacing, allOf(greaterThanOrEqualTo(28L), lessThanOrEqualTo(48L)));
    }
    assertThat(
        times.get(times.size() - 1).seconds(), allOf(greaterThanOrEqualTo(115.2), lessThan(120.0)));
    assertThat(times.size(), allOf(greaterThanOrEqualTo(26), lessThanOrEqualTo(43)));
  }

  @Test
  void theSeedDecidesTheSchedule() {
    assertThat(
        SliceSchedule.draw(120, new SplittableRandom(7)),
        is(SliceSchedule.draw(120, new SplittableRandom(7))));
    assertThat(
        SliceSchedule.draw(120, new SplittableRandom(7)),
        not(SliceSchedule.draw(120, new SplittableRandom(8))));
  }
}

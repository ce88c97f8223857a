package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void nearestRankValuesOfTheSample() {
    Distribution d = Distribution.of(List.of(10.0, 3.0, 7.0, 1.0, 9.0, 2.0, 8.0, 4.0, 6.0, 5.0));
    assertThat(d.count(), is(10));
    assertThat(d.median(), is(5.0));
    assertThat(d.p90(), is(9.0));
    assertThat(d.max(), is(10.0));
  }

  @Test
  void oneValueIsEveryStatistic() {
    Distribution d = Distribution.of(List.of(2.5));
    assertThat(d.median(), is(2.5));
    assertThat(d.p90(), is(2.5));
    assertThat(d.max(), is(2.5));
  }

  @Test
  void smallSampleP90IsItsMaximum() {
    assertThat(Distribution.of(List.of(1.0, 2.0, 3.0)).p90(), is(3.0));
    assertThat(Distribution.of(List.of(1.0, 2.0, 3.0)).median(), is(2.0));
  }

  @Test
  void refusesAnEmptySample() {
    assertThrows(IllegalArgumentException.class, () -> Distribution.of(List.of()));
  }
}

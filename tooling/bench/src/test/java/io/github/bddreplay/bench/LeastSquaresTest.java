package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  @Test
  void aLagThatKeepsGrowingHasAPositiveSlopeAndABoundedOneNone() {
    List<Double> due = List.of(0.0, 10.0, 20.0, 30.0);
    assertThat(LeastSquares.slope(due, List.of(1.0, 1.5, 1.0, 1.5)), closeTo(0.01, 1e-9));
    assertThat(LeastSquares.slope(due, List.of(1.0, 6.0, 11.0, 16.0)), closeTo(0.5, 1e-9));
  }
}

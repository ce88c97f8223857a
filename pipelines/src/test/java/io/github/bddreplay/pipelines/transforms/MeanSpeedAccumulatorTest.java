package io.github.bddreplay.pipelines.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanSpeedAccumulatorTest {

  @Test
  void meanIsOverValidSpeedsOnly() {
    MeanSpeedAccumulator speeds =
        new MeanSpeedAccumulator().add(10.0, "r").add(20.0, "r").add(-1.0, "r").add(0.0, "r");

    assertEquals(10.0, speeds.meanSpeed());
    assertEquals(3, speeds.fixCount());
    assertEquals(1, speeds.invalidSpeedCount());
  }

  @Test
  void nullNegativeAndNonFiniteSpeedsAreCountedAsInvalid() {
    MeanSpeedAccumulator speeds =
        new MeanSpeedAccumulator()
            .add(null, "r")
            .add(-1.0, "r")
            .add(-0.5, "r")
            .add(Double.NaN, "r")
            .add(Double.POSITIVE_INFINITY, "r");

    assertNull(speeds.meanSpeed(), "no valid fix, no mean");
    assertEquals(0, speeds.fixCount());
    assertEquals(5, speeds.invalidSpeedCount());
  }

  @Test
  void emptyAccumulatorHasNoMeanAndNoRideId() {
    MeanSpeedAccumulator empty = new MeanSpeedAccumulator();

    assertNull(empty.meanSpeed());
    assertNull(empty.rideId());
    assertEquals(0, empty.fixCount());
    assertEquals(0, empty.invalidSpeedCount());
  }

  @Test
  void keepsTheSmallestNonNullRideIdWhateverTheOrder() {
    MeanSpeedAccumulator forward = new MeanSpeedAccumulator().add(1.0, null).add(1.0, "b");
    forward.merge(new MeanSpeedAccumulator().add(1.0, "a"));
    MeanSpeedAccumulator backward = new MeanSpeedAccumulator().add(1.0, "a");
    backward.merge(new MeanSpeedAccumulator().add(1.0, "b").add(1.0, null));

    assertEquals("a", forward.rideId());
    assertEquals("a", backward.rideId());
  }

  @Test
  void invalidFixStillCarriesTheRideId() {
    assertEquals("ride", new MeanSpeedAccumulator().add(-1.0, "ride").rideId());
  }

  @Test
  void mergeAddsCountsAndLeavesTheOtherAccumulatorUnchanged() {
    MeanSpeedAccumulator left = new MeanSpeedAccumulator().add(10.0, "r").add(-1.0, "r");
    MeanSpeedAccumulator right = new MeanSpeedAccumulator().add(30.0, "r").add(null, "r");

    left.merge(right);

    assertEquals(20.0, left.meanSpeed());
    assertEquals(2, left.fixCount());
    assertEquals(2, left.invalidSpeedCount());
    assertEquals(30.0, right.meanSpeed());
    assertEquals(1, right.fixCount());
    assertEquals(1, right.invalidSpeedCount());
  }

  @Test
  void compensatedSumKeepsSmallSpeedsThatAPlainDoubleSumLoses() {
    // ulp(1e16) is 2: a plain double sum drops every +1 added to it.
    MeanSpeedAccumulator speeds = new MeanSpeedAccumulator().add(1e16, "r");
    double plainSum = 1e16;
    for (int i = 0; i < 1000; i++) {
      speeds.add(1.0, "r");
      plainSum += 1.0;
    }
    double exactMean =
        new BigDecimal("10000000000001000")
            .divide(new BigDecimal(1001), MathContext.DECIMAL128)
            .doubleValue();

    assertEquals(1e16, plainSum, "precondition: the plain sum really loses the small terms");
    assertEquals(exactMean, speeds.meanSpeed(), Math.ulp(exactMean));
  }

  @Test
  void mergingPartialSumsInAnyOrderMatchesTheBatchMean() {
    Random random = new Random(20261124);
    List<Double> speeds = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      speeds.add(random.nextDouble() * 40);
    }
    double plainBatchMean = speeds.stream().mapToDouble(Double::doubleValue).sum() / speeds.size();
    BigDecimal exactSum = BigDecimal.ZERO;
    for (double speed : speeds) {
      exactSum = exactSum.add(new BigDecimal(speed));
    }
    double exactMean =
        exactSum.divide(new BigDecimal(speeds.size()), MathContext.DECIMAL128).doubleValue();

    for (int trial = 0; trial < 20; trial++) {
      Collections.shuffle(speeds, random);
      List<MeanSpeedAccumulator> partials = new ArrayList<>();
      int from = 0;
      while (from < speeds.size()) {
        int to = Math.min(speeds.size(), from + 1 + random.nextInt(700));
        MeanSpeedAccumulator partial = new MeanSpeedAccumulator();
        speeds.subList(from, to).forEach(speed -> partial.add(speed, "r"));
        partials.add(partial);
        from = to;
      }
      Collections.shuffle(partials, random);
      MeanSpeedAccumulator merged = new MeanSpeedAccumulator();
      partials.forEach(merged::merge);

      assertEquals(speeds.size(), merged.fixCount());
      // The oracle's plain mean rounds per addition; 1e-9 is the agreed tolerance against it.
      assertEquals(plainBatchMean, merged.meanSpeed(), 1e-9);
      assertEquals(exactMean, merged.meanSpeed(), 2 * Math.ulp(exactMean));
    }
  }
}

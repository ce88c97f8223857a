package io.github.bddreplay.pipelines.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class MeanSpeedFnTest {
  private final MeanSpeedFn fn = new MeanSpeedFn();

  @Test
  void readsSpeedAndRideIdFromLocationRows() {
    MeanSpeedAccumulator accumulator = fn.createAccumulator();
    fn.addInput(accumulator, BddRows.location("L1", "car", "ride-b", 1, 12.0).getValue());
    fn.addInput(accumulator, BddRows.location("L2", "car", "ride-a", 2, -1.0).getValue());
    fn.addInput(accumulator, BddRows.location("L3", "car", null, 3, null).getValue());

    MeanSpeedAccumulator output = fn.extractOutput(accumulator);

    assertEquals(12.0, output.meanSpeed());
    assertEquals(1, output.fixCount());
    assertEquals(2, output.invalidSpeedCount());
    assertEquals("ride-a", output.rideId());
  }

  @Test
  void mergeAccumulatorsCombinesAllPartials() {
    MeanSpeedAccumulator merged =
        fn.mergeAccumulators(
            List.of(
                new MeanSpeedAccumulator().add(1.0, null),
                new MeanSpeedAccumulator().add(5.0, "r").add(-1.0, "r"),
                new MeanSpeedAccumulator()));

    assertEquals(3.0, merged.meanSpeed());
    assertEquals(2, merged.fixCount());
    assertEquals(1, merged.invalidSpeedCount());
    assertEquals("r", merged.rideId());
  }

  @Test
  void accumulatorCoderKeepsBothHalvesOfTheSum() throws Exception {
    MeanSpeedAccumulator original = new MeanSpeedAccumulator().add(1e16, "ride").add(1.0, "ride");
    original.add(-1.0, null);

    MeanSpeedAccumulator decoded =
        CoderUtils.decodeFromByteArray(
            MeanSpeedFn.AccumulatorCoder.INSTANCE,
            CoderUtils.encodeToByteArray(MeanSpeedFn.AccumulatorCoder.INSTANCE, original));

    assertEquals(original.sumHigh(), decoded.sumHigh());
    assertEquals(1.0, decoded.sumLow(), "the low half holds the +1 the high half cannot");
    assertEquals(original.meanSpeed(), decoded.meanSpeed());
    assertEquals(2, decoded.fixCount());
    assertEquals(1, decoded.invalidSpeedCount());
    assertEquals("ride", decoded.rideId());
  }

  @Test
  void accumulatorCoderKeepsAMissingRideId() throws Exception {
    MeanSpeedAccumulator decoded =
        CoderUtils.decodeFromByteArray(
            MeanSpeedFn.AccumulatorCoder.INSTANCE,
            CoderUtils.encodeToByteArray(
                MeanSpeedFn.AccumulatorCoder.INSTANCE, new MeanSpeedAccumulator()));

    assertNull(decoded.rideId());
    assertNull(decoded.meanSpeed());
  }
}

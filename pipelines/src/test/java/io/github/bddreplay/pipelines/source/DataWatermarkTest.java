package io.github.bddreplay.pipelines.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DataWatermarkTest {
  private static final long NONE = DataWatermark.NONE;

  @Test
  void followsTheLatestEventTimeMinusTheDelayAndNeverGoesBack() {
    assertArrayEquals(
        new long[] {NONE, 5_000, 5_000, 15_000},
        DataWatermark.afterEach(new long[] {NONE, 10_000, 8_000, 20_000}, 5_000));
  }
}

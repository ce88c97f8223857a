package io.github.bddreplay.replayer.synth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

class SynthConfigTest {
  @Test
  void theDefaultIsFortyCarsOverTwoMinutesWithSeed42InGzip() {
    assertThat(SynthConfig.DEFAULT, is(new SynthConfig(40, 120, 42, CompressionCodecName.GZIP)));
    assertThat(SynthConfig.DEFAULT.describe(), is("40 cars, 120 s, seed 42, GZIP"));
  }

  @Test
  void refusesDurationsThatAreNotAPositiveNumberOfSecondsUpToADay() {
    for (double duration : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 86_400.1}) {
      IllegalArgumentException error =
          assertThrows(
              IllegalArgumentException.class,
              () -> new SynthConfig(1, duration, 0, CompressionCodecName.GZIP));
      assertThat(
          error.getMessage(), containsString("the duration must be a positive number of seconds"));
    }
  }

  @Test
  void refusesCarlessDataSets() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SynthConfig(0, 10, 0, CompressionCodecName.GZIP));
    assertThat(error.getMessage(), is("the number of cars must be positive, was 0"));
  }
}

package io.github.bddreplay.pipelines.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class SensorSourceConfigTest {
  @Test
  void optionsGiveTheDocumentedDefaults() {
    SensorSourceOptions options =
        PipelineOptionsFactory.fromArgs("--inputDir=/data/stream/input")
            .as(SensorSourceOptions.class);

    SensorSourceConfig config =
        SensorSourceConfig.fromOptions(options, true, WindowingSpec.DEFAULT);

    assertThat(config.inputDir(), equalTo("/data/stream/input"));
    assertThat(config.streaming(), is(true));
    assertThat(config.errorsDir(), equalTo("/data/stream/input/_errors"));
    assertThat(config.pollInterval(), equalTo(Duration.millis(250)));
    assertThat(config.watermarkDelay(), equalTo(Duration.standardSeconds(5)));
    assertThat(config.idleTimeout(), equalTo(Optional.empty()));
    assertThat(config.windowing(), is(WindowingSpec.DEFAULT));
    assertThat(config.maxRowsPerElement(), equalTo(1000));
  }

  @Test
  void optionsSetEverySetting() {
    WindowingSpec windowing = new WindowingSpec(Duration.standardSeconds(10), Duration.ZERO);
    SensorSourceOptions options =
        PipelineOptionsFactory.fromArgs(
                "--inputDir=gs://bucket/input/",
                "--errorsDir=gs://bucket/errors",
                "--pollIntervalMillis=400",
                "--watermarkDelayMillis=8000",
                "--idleTimeoutSeconds=60",
                "--maxRowsPerElement=25")
            .as(SensorSourceOptions.class);

    SensorSourceConfig config = SensorSourceConfig.fromOptions(options, false, windowing);

    assertThat(config.streaming(), is(false));
    assertThat(config.errorsDir(), equalTo("gs://bucket/errors"));
    assertThat(config.pollInterval(), equalTo(Duration.millis(400)));
    assertThat(config.watermarkDelay(), equalTo(Duration.standardSeconds(8)));
    assertThat(config.idleTimeout(), equalTo(Optional.of(Duration.standardSeconds(60))));
    assertThat(config.windowing(), is(windowing));
    assertThat(config.maxRowsPerElement(), equalTo(25));
  }

  @Test
  void theDefaultErrorsFolderIsUnderTheInputRootWhateverItsSpelling() {
    assertThat(
        SensorSourceConfig.continuous("s3://bucket/input/").errorsDir(),
        equalTo("s3://bucket/input/_errors"));
  }

  @Test
  void nonsensicalSettingsAreRefused() {
    SensorSourceConfig config = SensorSourceConfig.continuous("/in");
    assertThrows(IllegalArgumentException.class, () -> config.withPollInterval(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> config.withWatermarkDelay(Duration.millis(-1)));
    assertThrows(IllegalArgumentException.class, () -> config.withIdleTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> config.withMaxRowsPerElement(0));
  }
}

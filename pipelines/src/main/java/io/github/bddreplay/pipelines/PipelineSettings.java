package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.Serializable;
import org.joda.time.Duration;

/**
 * What the pipelines share: windows and lateness, how often results are re-emitted,
 * and where outputs go.
 *
 * @param earlyFiringDelay stream-joined: processing time after new data before a window's join is re-emitted
 * @param outputRoot the folder that holds simple/, windowed/ and stream-joined/
 */
public record PipelineSettings(
    WindowingSpec windowing, Duration earlyFiringDelay, String outputRoot)
    implements Serializable {

  public static PipelineSettings of(SensorPipelinesOptions options) {
    return new PipelineSettings(
        new WindowingSpec(
            Duration.standardSeconds(options.getWindowSeconds()),
            Duration.standardSeconds(options.getAllowedLatenessSeconds())),
        Duration.millis(options.getEarlyFiringDelayMillis()),
        options.getOutputDir());
  }
}

package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.Serializable;
import org.joda.time.Duration;

/**
 * What the pipelines share: windows and lateness, and where outputs go.
 *
 * @param outputRoot the folder that holds simple/, windowed/ and stream-joined/
 */
public record PipelineSettings(WindowingSpec windowing, String outputRoot)
    implements Serializable {

  public static PipelineSettings of(SensorPipelinesOptions options) {
    return new PipelineSettings(
        new WindowingSpec(
            Duration.standardSeconds(options.getWindowSeconds()),
            Duration.standardSeconds(options.getAllowedLatenessSeconds())),
        options.getOutputDir());
  }
}

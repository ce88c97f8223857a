package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.sinks.WriteWindowedParquet;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.Serializable;
import org.joda.time.Duration;

/**
 * What the pipelines share: windows and lateness, where outputs go, and how their sinks write.
 *
 * @param outputRoot the folder that holds simple/, windowed/ and stream-joined/
 * @param sinksAwaitCheckpoints whether sinks write only checkpointed input (see {@link
 *     WriteWindowedParquet#writingOnlyCheckpointedInput()})
 */
public record PipelineSettings(
    WindowingSpec windowing, String outputRoot, boolean sinksAwaitCheckpoints)
    implements Serializable {

  /** From the options; sinks await checkpoints only when streaming, where restores happen. */
  public static PipelineSettings of(SensorPipelinesOptions options) {
    return new PipelineSettings(
        new WindowingSpec(
            Duration.standardSeconds(options.getWindowSeconds()),
            Duration.standardSeconds(options.getAllowedLatenessSeconds())),
        options.getOutputDir(),
        options.getSinksAwaitCheckpoints()
            && options.getMode() == SensorPipelinesOptions.Mode.STREAMING);
  }

  /**
   * A sink of no output yet ({@link WriteWindowedParquet#and} adds them), writing only checkpointed
   * input when the settings ask for it.
   */
  public WriteWindowedParquet sink() {
    WriteWindowedParquet sink = WriteWindowedParquet.create();
    return sinksAwaitCheckpoints ? sink.writingOnlyCheckpointedInput() : sink;
  }
}

package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.source.SensorSourceOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the sensor pipelines. The runner's own options ({@code --runner}, and for Spark {@code
 * --sparkMaster}, {@code --batchIntervalMillis}, {@code --checkpointDir}, ...) come with the
 * runner.
 */
public interface SensorPipelinesOptions extends SensorSourceOptions {
  @Description(
      "Root of the pipeline outputs: <outputDir>/simple/{locations,accelerations}, "
          + "<outputDir>/windowed, <outputDir>/stream-joined. Default: 'output' beside the input folder.")
  String getOutputDir();

  void setOutputDir(String value);

  @Description(
      "Which pipelines to run, comma-separated, from one reading of the input: simple, windowed,"
          + " stream-joined.")
  @Default.String("simple,windowed,stream-joined")
  String getPipelines();

  void setPipelines(String value);

  @Description(
      "STREAMING: follow the input folder as the replayer fills it, until its end-of-stream marker."
          + " BATCH: read a finished input folder once, as bounded input.")
  @Default.Enum("STREAMING")
  Mode getMode();

  void setMode(Mode value);

  @Description("Length of the fixed event-time windows, in seconds.")
  @Default.Long(15)
  long getWindowSeconds();

  void setWindowSeconds(long value);

  @Description("How long after its end a window still takes late data, in seconds.")
  @Default.Long(30)
  long getAllowedLatenessSeconds();

  void setAllowedLatenessSeconds(long value);

  @Description(
      "Sinks write only input a completed runner checkpoint covers, so a run restored from a"
          + " checkpoint writes no row twice. For runners that restore (Flink); the Spark runner"
          + " refuses it. Streaming only.")
  @Default.Boolean(false)
  boolean getSinksAwaitCheckpoints();

  void setSinksAwaitCheckpoints(boolean value);

  @Description("Give up (stop the pipeline, exit non-zero) after this many minutes.")
  @Default.Long(60)
  long getRunTimeoutMinutes();

  void setRunTimeoutMinutes(long value);

  /** How the input is read. */
  enum Mode {
    STREAMING,
    BATCH
  }
}

package io.github.bddreplay.pipelines.source;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Options for reading the replayed sensor input; a pipeline's options interface extends it and
 * passes it to {@link SensorSourceConfig#fromOptions}.
 */
public interface SensorSourceOptions extends PipelineOptions {
  @Description(
      "Folder the replayer publishes into: <inputDir>/<topic>/t=NNN.N/<name>.parquet, and"
          + " <inputDir>/_REPLAY_COMPLETE at the end. Any Beam file system (local, hdfs://, s3://,"
          + " gs://) whose module is on the classpath.")
  @Validation.Required
  String getInputDir();

  void setInputDir(String value);

  @Description(
      "Folder for dead-letter entries of unreadable input files (<errorsDir>/<topic>/<slice>/"
          + "<name>.txt). Default: 'errors' beside the input folder.")
  String getErrorsDir();

  void setErrorsDir(String value);

  @Description(
      "Folder for rows that came after their window's lateness had run out, which no pipeline"
          + " takes any more (<lateDir>/<topic>/window-<start>-<end>-<digest>.parquet, the window"
          + " they missed). Default: 'late' in the output folder.")
  String getLateDir();

  void setLateDir(String value);

  @Description(
      "How often the input folder is listed for new files, in milliseconds. A new file waits half"
          + " of it on average; on an object store each listing is a paid request, so raise it"
          + " there.")
  @Default.Long(250)
  long getPollIntervalMillis();

  void setPollIntervalMillis(long value);

  @Description(
      "How far the watermark trails the latest event time read, in milliseconds. Must cover the"
          + " event-time span of a slice (~1.6 s) plus the other topic's files of that slice arriving"
          + " later.")
  @Default.Long(5000)
  long getWatermarkDelayMillis();

  void setWatermarkDelayMillis(long value);

  @Description(
      "Once every input file is read, how long the watermark stays at the end of the last window"
          + " before it moves to the end of time, in milliseconds. Lets every window fire on time on"
          + " the Spark runner before the stream ends; use several batch intervals.")
  @Default.Long(3000)
  long getEndOfStreamHoldMillis();

  void setEndOfStreamHoldMillis(long value);

  @Description(
      "End the stream when no new input file has appeared for this many seconds, as if the"
          + " end-of-stream marker had been written. 0: wait for the marker only.")
  @Default.Long(0)
  long getIdleTimeoutSeconds();

  void setIdleTimeoutSeconds(long value);

  @Description(
      "Continuous reading: into how many readers the source may split, each reading a disjoint"
          + " share of the files (by a hash of their path) with a watermark of its own. More than 1"
          + " only for runners whose watermark is the minimum over a source's splits (Flink); Beam"
          + " 2.70's Spark runner takes the maximum, which would make the rows of a lagging split"
          + " late.")
  @Default.Integer(1)
  int getSourceSplits();

  void setSourceSplits(int value);

  @Description(
      "Continuous reading: how many consecutive rows of one input file travel together as one"
          + " element of the source. Fewer, larger elements mean fewer bundles for the runner.")
  @Default.Integer(SensorSourceConfig.DEFAULT_MAX_ROWS_PER_ELEMENT)
  int getMaxRowsPerElement();

  void setMaxRowsPerElement(int value);
}

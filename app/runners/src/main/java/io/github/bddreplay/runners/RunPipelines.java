package io.github.bddreplay.runners;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.pipelines.SensorPipelines;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.sinks.OutputCensus;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;

/**
 * Runs the sensor pipelines the options select on their runner: streaming until the replay's end of
 * stream, or once over a finished input folder ({@code --mode=BATCH}).
 */
public final class RunPipelines {
  /** The source's end-of-stream counter, which tells a streaming run that the input is complete. */
  public static final MetricNameFilter END_OF_STREAM =
      MetricNameFilter.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.END_OF_STREAM);

  private RunPipelines() {}

  /**
   * Runs the pipelines the arguments ask for on the embedded Spark unless they name another runner;
   * a bounded run shows its progress on standard error.
   */
  public static void main(String[] args) throws IOException {
    SensorPipelinesOptions options = parse(args);
    if (options.getMode() == SensorPipelinesOptions.Mode.STREAMING) {
      restartFromTheLog(options);
    }
    StreamingRunResult result =
        options.getMode() == SensorPipelinesOptions.Mode.BATCH ? backfill(options) : run(options);
    System.out.println(summarize(result, options).describe());
  }

  /** A streaming run on Spark started again after an interruption reads its input again whole. */
  private static void restartFromTheLog(SensorPipelinesOptions options) throws IOException {
    Optional<String> checkpoint = SparkRestart.checkpointOf(options);
    if (checkpoint.isEmpty()) {
      return;
    }
    System.out.println(
        "restarting: "
            + checkpoint.get()
            + " holds the checkpoint of an interrupted run; the pipelines read "
            + options.getInputDir()
            + " again from its start and write "
            + options.getOutputDir()
            + " again (see RUNNER-WORKAROUNDS.md for why not from the checkpoint)");
    SparkRestart.discardCheckpoint(options);
    SparkRestart.discardOutputs(options);
  }

  private static StreamingRunResult backfill(SensorPipelinesOptions options) throws IOException {
    Pipeline pipeline = pipeline(options);
    try (BoundedReadProgress progress =
        BoundedReadProgress.start(
            options.getInputDir(),
            SensorPipelines.topicsConsumedBy(SensorPipelines.selected(options.getPipelines())),
            BoundedRun.countersGrowWhileRunning(options),
            System.err)) {
      return BoundedRun.run(pipeline, progress);
    }
  }

  /** The summary of a finished run: the source's counters and a census of the output files. */
  public static RunSummary summarize(StreamingRunResult result, SensorPipelinesOptions options)
      throws IOException {
    return RunSummary.of(result, options, OutputCensus.of(options.getOutputDir()));
  }

  /**
   * Options from command-line arguments: what they give, then the runner profile they name ({@code
   * --profile}, see {@link RunnerProfile}), then the embedded Spark defaults. Unknown options and
   * pipeline names fail here, before anything runs.
   */
  public static SensorPipelinesOptions parse(String... args) {
    SensorPipelinesOptions options =
        PipelineOptionsFactory.fromArgs(EmbeddedSpark.withDefaults(RunnerProfile.apply(args)))
            .withValidation()
            .as(SensorPipelinesOptions.class);
    HadoopFileSystems.configure(options);
    // The defaults below resolve paths on the input's file system, which may be a Hadoop one.
    FileSystems.setDefaultPipelineOptions(options);
    if (options.getOutputDir() == null) {
      options.setOutputDir(besideInput(options.getInputDir(), StreamLayout.OUTPUT));
    }
    if (options.getErrorsDir() == null) {
      options.setErrorsDir(besideInput(options.getInputDir(), StreamLayout.ERRORS));
    }
    if (options.getLateDir() == null) {
      options.setLateDir(
          FileSystems.matchNewResource(options.getOutputDir(), true)
              .resolve(StreamLayout.LATE, StandardResolveOptions.RESOLVE_DIRECTORY)
              .toString());
    }
    if (options.getMode() == SensorPipelinesOptions.Mode.BATCH) {
      options.as(SparkPipelineOptions.class).setStreaming(false);
    }
    SensorPipelines.selected(options.getPipelines());
    return options;
  }

  /**
   * Builds and runs the pipelines: until the end of stream when streaming, once over the input in
   * batch.
   */
  public static StreamingRunResult run(SensorPipelinesOptions options) {
    Pipeline pipeline = pipeline(options);
    if (options.getMode() == SensorPipelinesOptions.Mode.BATCH) {
      return BoundedRun.run(pipeline);
    }
    return StreamingRun.of(pipeline, options, END_OF_STREAM)
        .withOverallTimeout(Duration.standardMinutes(options.getRunTimeoutMinutes()))
        .run();
  }

  /** The pipelines the options ask for, built; Beam's file systems set up for them. */
  private static Pipeline pipeline(SensorPipelinesOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    Pipeline pipeline = Pipeline.create(options);
    SensorPipelines.write(SensorPipelines.build(pipeline, options), options);
    return pipeline;
  }

  /** The folder {@code name} next to the input folder, e.g. results/stream/output. */
  static String besideInput(String inputDir, String name) {
    ResourceId input = FileSystems.matchNewResource(inputDir.replaceAll("/+$", ""), false);
    return input
        .getCurrentDirectory()
        .resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
  }
}

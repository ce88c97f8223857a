package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.runner.BoundedRun;
import io.github.bddreplay.pipelines.runner.EmbeddedSpark;
import io.github.bddreplay.pipelines.runner.RunnerProfile;
import io.github.bddreplay.pipelines.runner.StreamingRun;
import io.github.bddreplay.pipelines.runner.StreamingRunResult;
import io.github.bddreplay.pipelines.source.BoundedReadProgress;
import io.github.bddreplay.pipelines.source.ReadSensorStreams;
import io.github.bddreplay.pipelines.source.SensorSourceConfig;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import io.github.bddreplay.pipelines.source.SensorTopic;
import io.github.bddreplay.pipelines.sinks.OutputCensus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * The sensor pipelines over the replayed input: {@code simple}, {@code windowed} and
 * {@code stream-joined}, any of them, fed by one reading of the input folder. One source for both
 * topics is deliberate: on Beam 2.70's Spark runner a stage fed by two sources can run ahead of an
 * idle one and discard its data as late.
 */
public final class SensorPipelines {
  /** The source's end-of-stream counter, which tells a streaming run that the input is complete. */
  public static final MetricNameFilter END_OF_STREAM =
      MetricNameFilter.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.END_OF_STREAM);

  /** The late-data output's folder in the output folder, unless {@code --lateDir} says otherwise. */
  private static final String LATE_FOLDER = "late";

  private SensorPipelines() {}

  /**
   * Runs the pipelines the arguments ask for on the embedded Spark unless they name another runner;
   * a bounded run shows its progress on standard error.
   */
  public static void main(String[] args) throws IOException {
    SensorPipelinesOptions options = parse(args);
    StreamingRunResult result =
        options.getMode() == SensorPipelinesOptions.Mode.BATCH ? backfill(options) : run(options);
    System.out.println(summarize(result, options).describe());
  }

  private static StreamingRunResult backfill(SensorPipelinesOptions options) throws IOException {
    Pipeline pipeline = pipeline(options);
    try (BoundedReadProgress progress =
        BoundedReadProgress.start(
            options.getInputDir(),
            topicsConsumedBy(selected(options.getPipelines())),
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
   * Options from command-line arguments: what they give, then the runner profile they name
   * ({@code --profile}, see {@link RunnerProfile}), then the embedded Spark defaults. Unknown
   * options and pipeline names fail here, before anything runs.
   */
  public static SensorPipelinesOptions parse(String... args) {
    SensorPipelinesOptions options =
        PipelineOptionsFactory.fromArgs(EmbeddedSpark.withDefaults(RunnerProfile.apply(args)))
            .withValidation()
            .as(SensorPipelinesOptions.class);
    if (options.getOutputDir() == null) {
      options.setOutputDir(besideInput(options.getInputDir(), "output"));
    }
    if (options.getErrorsDir() == null) {
      options.setErrorsDir(besideInput(options.getInputDir(), "errors"));
    }
    if (options.getLateDir() == null) {
      options.setLateDir(
          FileSystems.matchNewResource(options.getOutputDir(), true)
              .resolve(LATE_FOLDER, StandardResolveOptions.RESOLVE_DIRECTORY)
              .toString());
    }
    if (options.getMode() == SensorPipelinesOptions.Mode.BATCH) {
      options.as(SparkPipelineOptions.class).setStreaming(false);
    }
    selected(options.getPipelines());
    return options;
  }

  /** Builds and runs the pipelines: until the end of stream when streaming, once over the input in batch. */
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
    build(pipeline, options);
    return pipeline;
  }

  /** Adds the source and the selected pipelines to {@code pipeline}. */
  public static void build(Pipeline pipeline, SensorPipelinesOptions options) {
    PipelineSettings settings = PipelineSettings.of(options);
    boolean streaming = options.getMode() == SensorPipelinesOptions.Mode.STREAMING;
    List<String> pipelines = selected(options.getPipelines());
    PCollectionTuple topics =
        pipeline.apply(
            "Read sensor streams",
            ReadSensorStreams.from(
                    SensorSourceConfig.fromOptions(options, streaming, settings.windowing()))
                .onlyTopics(topicsConsumedBy(pipelines)));
    for (String name : pipelines) {
      switch (name) {
        case "simple" -> topics.apply("simple", new SimplePipeline(settings));
        case "windowed" -> topics.apply("windowed", new WindowedPipeline(settings));
        case "stream-joined" -> topics.apply("stream-joined", new StreamJoinedPipeline(settings));
        default -> throw new IllegalStateException(name);
      }
    }
  }

  /** The topics the named pipelines read: {@code windowed} needs only the locations. */
  public static Set<SensorTopic> topicsConsumedBy(List<String> pipelines) {
    return pipelines.equals(List.of("windowed"))
        ? EnumSet.of(SensorTopic.LOCATIONS)
        : EnumSet.allOf(SensorTopic.class);
  }

  /** The pipeline names asked for, checked: simple, windowed, stream-joined. */
  public static List<String> selected(String names) {
    List<String> known = List.of("simple", "windowed", "stream-joined");
    List<String> selected = new ArrayList<>();
    for (String name : names.split(",")) {
      String normalized = name.trim().toLowerCase(Locale.ROOT);
      if (!known.contains(normalized)) {
        throw new IllegalArgumentException(
            "unknown pipeline '" + name + "': choose from " + String.join(", ", known));
      }
      if (!selected.contains(normalized)) {
        selected.add(normalized);
      }
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("--pipelines names no pipeline");
    }
    return selected;
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

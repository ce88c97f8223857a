package io.github.bddreplay.pipelines;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.sinks.WriteWindowedParquet;
import io.github.bddreplay.pipelines.source.ReadSensorStreams;
import io.github.bddreplay.pipelines.source.SensorSourceConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The selected pipelines over one reading of the input folder. One source for both topics is
 * deliberate: on Beam 2.70's Spark runner a stage fed by two sources can run ahead of an idle one
 * and discard its data as late (apache/beam#39822, RUNNER-WORKAROUNDS.md).
 */
public final class SensorPipelines {
  private SensorPipelines() {}

  /**
   * Adds the source and the selected pipelines to {@code pipeline} and returns their windowed rows,
   * one collection per output; {@link #write} adds the sinks.
   */
  public static Map<PipelineOutput, PCollection<GenericRecord>> build(
      Pipeline pipeline, SensorPipelinesOptions options) {
    PipelineSettings settings = PipelineSettings.of(options);
    boolean streaming = options.getMode() == SensorPipelinesOptions.Mode.STREAMING;
    List<SensorPipeline> pipelines = selected(options.getPipelines());
    PCollectionTuple topics =
        pipeline.apply(
            "Read sensor streams",
            ReadSensorStreams.from(
                    SensorSourceConfig.fromOptions(options, streaming, settings.windowing()))
                .onlyTopics(topicsConsumedBy(pipelines)));
    Map<PipelineOutput, PCollection<GenericRecord>> outputs = new EnumMap<>(PipelineOutput.class);
    for (SensorPipeline selected : pipelines) {
      outputs.putAll(selected.expand(topics, settings.windowing()));
    }
    return outputs;
  }

  /**
   * Adds the sinks: windowed Parquet files under the output root. The outputs copied straight
   * through share one sink, the outputs of groupings another (see {@link WriteWindowedParquet} for
   * why a sink takes several outputs): a sink's step waits for every output it writes, and the
   * copied rows need not wait for the groupings.
   */
  public static void write(
      Map<PipelineOutput, PCollection<GenericRecord>> outputs, SensorPipelinesOptions options) {
    PipelineSettings settings = PipelineSettings.of(options);
    for (boolean grouped : List.of(false, true)) {
      WriteWindowedParquet sink = settings.sink();
      List<PCollection<GenericRecord>> rows = new ArrayList<>();
      for (Map.Entry<PipelineOutput, PCollection<GenericRecord>> output : outputs.entrySet()) {
        SensorPipeline owner = ownerOf(output.getKey());
        if (owner.groups() == grouped) {
          sink =
              sink.and(
                  output.getKey().directoryUnder(settings.outputRoot()),
                  owner.schemaOf(output.getKey()));
          rows.add(output.getValue());
        }
      }
      if (!rows.isEmpty()) {
        PCollectionList.of(rows)
            .apply(grouped ? "Write the grouped outputs" : "Write the copied outputs", sink);
      }
    }
  }

  private static SensorPipeline ownerOf(PipelineOutput output) {
    return Arrays.stream(SensorPipeline.values())
        .filter(pipeline -> pipeline.outputs().contains(output))
        .findFirst()
        .orElseThrow();
  }

  /** The topics the pipelines read together. */
  public static Set<Topic> topicsConsumedBy(List<SensorPipeline> pipelines) {
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    pipelines.forEach(pipeline -> topics.addAll(pipeline.topics()));
    return topics;
  }

  /** The pipelines a {@code --pipelines} value names, checked, each once, in the order given. */
  public static List<SensorPipeline> selected(String names) {
    List<SensorPipeline> selected = new ArrayList<>();
    for (String name : names.split(",")) {
      SensorPipeline pipeline =
          SensorPipeline.named(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown pipeline '"
                              + name
                              + "': choose from "
                              + Arrays.stream(SensorPipeline.values())
                                  .map(SensorPipeline::pipelineName)
                                  .collect(Collectors.joining(", "))));
      if (!selected.contains(pipeline)) {
        selected.add(pipeline);
      }
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("--pipelines names no pipeline");
    }
    return selected;
  }
}

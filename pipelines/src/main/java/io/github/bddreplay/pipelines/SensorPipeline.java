package io.github.bddreplay.pipelines;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.source.ReadSensorStreams;
import io.github.bddreplay.pipelines.transforms.CopyIntoWindows;
import io.github.bddreplay.pipelines.transforms.FullOuterJoinPerRoute;
import io.github.bddreplay.pipelines.transforms.JoinedRow;
import io.github.bddreplay.pipelines.transforms.MeanSpeedPerRoute;
import io.github.bddreplay.pipelines.transforms.MeanSpeedRow;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The three pipelines: the topics each reads, the outputs it writes and the transform between them.
 * A pipeline's name is also its folder under the output root.
 */
public enum SensorPipeline {
  /** Both topics copied, every column kept, into windows. */
  SIMPLE(
      StreamLayout.SIMPLE,
      false,
      EnumSet.allOf(Topic.class),
      Map.of(
          PipelineOutput.SIMPLE_LOCATIONS, Topic.LOCATIONS.schema(),
          PipelineOutput.SIMPLE_ACCELERATIONS, Topic.ACCELERATIONS.schema())) {
    @Override
    Map<PipelineOutput, PCollection<GenericRecord>> expand(
        PCollectionTuple topics, WindowingSpec windowing) {
      Map<PipelineOutput, PCollection<GenericRecord>> outputs = new EnumMap<>(PipelineOutput.class);
      for (Topic topic : Topic.values()) {
        outputs.put(
            topic == Topic.LOCATIONS
                ? PipelineOutput.SIMPLE_LOCATIONS
                : PipelineOutput.SIMPLE_ACCELERATIONS,
            topics
                .get(ReadSensorStreams.tagOf(topic))
                .apply(
                    "Copy " + topic.folderName() + " into windows",
                    new CopyIntoWindows(windowing)));
      }
      return outputs;
    }
  },
  /** Mean speed of each route per window, re-emitted as the window's data changes. */
  WINDOWED(
      StreamLayout.WINDOWED,
      true,
      EnumSet.of(Topic.LOCATIONS),
      Map.of(PipelineOutput.WINDOWED, MeanSpeedRow.SCHEMA)) {
    @Override
    Map<PipelineOutput, PCollection<GenericRecord>> expand(
        PCollectionTuple topics, WindowingSpec windowing) {
      return Map.of(
          PipelineOutput.WINDOWED,
          topics
              .get(ReadSensorStreams.LOCATIONS)
              .apply("Mean speed per route", new MeanSpeedPerRoute(windowing)));
    }
  },
  /**
   * Locations and accelerations of each car joined per window as a full outer join, each row of the
   * join written once, when it is final.
   */
  STREAM_JOINED(
      StreamLayout.STREAM_JOINED,
      true,
      EnumSet.allOf(Topic.class),
      Map.of(PipelineOutput.STREAM_JOINED, JoinedRow.SCHEMA)) {
    @Override
    Map<PipelineOutput, PCollection<GenericRecord>> expand(
        PCollectionTuple topics, WindowingSpec windowing) {
      return Map.of(
          PipelineOutput.STREAM_JOINED,
          topics.apply("Full outer join per route", new FullOuterJoinPerRoute(windowing)));
    }
  };

  private final String pipelineName;
  private final boolean groups;
  private final Set<Topic> topics;
  private final Map<PipelineOutput, Schema> outputs;

  SensorPipeline(
      String pipelineName, boolean groups, Set<Topic> topics, Map<PipelineOutput, Schema> outputs) {
    this.pipelineName = pipelineName;
    this.groups = groups;
    this.topics = topics;
    this.outputs = outputs;
  }

  /** The pipeline's windowed rows, one collection per output, from the topics it reads. */
  abstract Map<PipelineOutput, PCollection<GenericRecord>> expand(
      PCollectionTuple topics, WindowingSpec windowing);

  /** The name users give in {@code --pipelines}, and the pipeline's output folder. */
  public String pipelineName() {
    return pipelineName;
  }

  /**
   * Whether the pipeline's rows come out of a grouping (a windowed aggregation, the join's state):
   * on a micro-batch runner they are ready only once the grouping's stage of the batch is done,
   * rows copied straight through sooner.
   */
  public boolean groups() {
    return groups;
  }

  /** The topics the pipeline reads. */
  public Set<Topic> topics() {
    return topics;
  }

  /** The outputs the pipeline writes. */
  public Set<PipelineOutput> outputs() {
    return outputs.keySet();
  }

  /** The schema of the rows the pipeline writes to {@code output}. */
  public Schema schemaOf(PipelineOutput output) {
    Schema schema = outputs.get(output);
    if (schema == null) {
      throw new IllegalArgumentException(this + " does not write " + output);
    }
    return schema;
  }

  /** The pipeline called {@code name}, ignoring case and surrounding blanks. */
  public static Optional<SensorPipeline> named(String name) {
    String normalized = name.trim().toLowerCase(Locale.ROOT);
    for (SensorPipeline pipeline : values()) {
      if (pipeline.pipelineName.equals(normalized)) {
        return Optional.of(pipeline);
      }
    }
    return Optional.empty();
  }
}

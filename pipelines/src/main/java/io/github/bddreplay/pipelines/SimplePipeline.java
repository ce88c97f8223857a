package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.source.ReadSensorStreams;
import io.github.bddreplay.pipelines.source.SensorTopic;
import io.github.bddreplay.pipelines.transforms.CopyIntoWindows;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;

/** simple: both topics copied, every column kept, into windowed Parquet files per topic. */
public final class SimplePipeline extends PTransform<PCollectionTuple, PDone> {
  private final PipelineSettings settings;

  public SimplePipeline(PipelineSettings settings) {
    this.settings = settings;
  }

  @Override
  public PDone expand(PCollectionTuple topics) {
    for (SensorTopic topic : SensorTopic.values()) {
      PipelineOutput output =
          topic == SensorTopic.LOCATIONS
              ? PipelineOutput.SIMPLE_LOCATIONS
              : PipelineOutput.SIMPLE_ACCELERATIONS;
      topics
          .get(ReadSensorStreams.tagOf(topic))
          .apply("Copy " + topic.folderName() + " into windows", new CopyIntoWindows(settings.windowing()))
          .apply(
              "Write " + topic.folderName(),
              settings.writerOf(output, topic.schema()));
    }
    return PDone.in(topics.getPipeline());
  }
}

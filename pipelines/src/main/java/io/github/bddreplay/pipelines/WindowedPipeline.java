package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.source.ReadSensorStreams;
import io.github.bddreplay.pipelines.transforms.MeanSpeedPerRoute;
import io.github.bddreplay.pipelines.transforms.MeanSpeedRow;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;

/** windowed: mean speed of each route per window, re-emitted as the window's data changes. */
public final class WindowedPipeline extends PTransform<PCollectionTuple, PDone> {
  private final PipelineSettings settings;

  public WindowedPipeline(PipelineSettings settings) {
    this.settings = settings;
  }

  @Override
  public PDone expand(PCollectionTuple topics) {
    topics
        .get(ReadSensorStreams.LOCATIONS)
        .apply("Mean speed per route", new MeanSpeedPerRoute(settings.windowing()))
        .apply(
            "Write mean speeds",
            settings.writerOf(PipelineOutput.WINDOWED, MeanSpeedRow.SCHEMA));
    return PDone.in(topics.getPipeline());
  }
}

package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.sinks.WriteWindowedParquet;
import io.github.bddreplay.pipelines.transforms.FullOuterJoinPerRoute;
import io.github.bddreplay.pipelines.transforms.JoinedRow;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;

/**
 * stream-joined: locations and accelerations of each car joined per window as a full outer join,
 * each pane superseding the earlier ones of its (car, window).
 */
public final class StreamJoinedPipeline extends PTransform<PCollectionTuple, PDone> {
  private final PipelineSettings settings;

  public StreamJoinedPipeline(PipelineSettings settings) {
    this.settings = settings;
  }

  @Override
  public PDone expand(PCollectionTuple topics) {
    topics
        .apply("Full outer join per route", new FullOuterJoinPerRoute(settings.windowing(), settings.earlyFiringDelay()))
        .apply(
            "Write joined rows",
            new WriteWindowedParquet(
                PipelineOutput.STREAM_JOINED.directoryUnder(settings.outputRoot()),
                JoinedRow.SCHEMA));
    return PDone.in(topics.getPipeline());
  }
}

package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.transforms.FullOuterJoinPerRoute;
import io.github.bddreplay.pipelines.transforms.JoinedRow;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;

/**
 * stream-joined: locations and accelerations of each car joined per window as a full outer join,
 * each row of the join written once, when it is final.
 */
public final class StreamJoinedPipeline extends PTransform<PCollectionTuple, PDone> {
  private final PipelineSettings settings;

  public StreamJoinedPipeline(PipelineSettings settings) {
    this.settings = settings;
  }

  @Override
  public PDone expand(PCollectionTuple topics) {
    topics
        .apply("Full outer join per route", new FullOuterJoinPerRoute(settings.windowing()))
        .apply(
            "Write joined rows",
            settings.writerOf(PipelineOutput.STREAM_JOINED, JoinedRow.SCHEMA));
    return PDone.in(topics.getPipeline());
  }
}

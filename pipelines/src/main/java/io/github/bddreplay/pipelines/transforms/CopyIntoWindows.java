package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * The simple pipeline: a topic's rows unchanged, every column kept, placed in the shared event-time
 * windows. Panes discard, so each row is written in exactly one pane.
 */
public class CopyIntoWindows
    extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final WindowingSpec windowing;

  public CopyIntoWindows(WindowingSpec windowing) {
    this.windowing = windowing;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> rows) {
    return rows.apply(
        "Window with discarding panes",
        EventTimeWindowing.<GenericRecord>discardingPanes(windowing));
  }
}

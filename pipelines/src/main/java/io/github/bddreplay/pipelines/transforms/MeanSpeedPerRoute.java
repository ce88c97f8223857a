package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The windowed pipeline: mean speed of each route (car {@code uuid}) per event-time window, from
 * location rows. Panes accumulate, so each pane's row holds the route's whole window so far, and a
 * window's mean is written again in every micro-batch that brought it new rows; see {@link
 * MeanSpeedRow} for the columns.
 */
public class MeanSpeedPerRoute
    extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final WindowingSpec windowing;

  public MeanSpeedPerRoute(WindowingSpec windowing) {
    this.windowing = windowing;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> locations) {
    return locations
        .apply(
            "Window with updating panes",
            EventTimeWindowing.<GenericRecord>updatingPanes(windowing))
        .apply("Key by uuid", new KeyByUuid())
        .apply("Mean speed per uuid", Combine.perKey(new MeanSpeedFn()))
        .apply("Format mean speed rows", ParDo.of(new FormatMeanSpeedRowFn()))
        .setCoder(AvroCoder.of(GenericRecord.class, MeanSpeedRow.SCHEMA));
  }

  static class FormatMeanSpeedRowFn extends DoFn<KV<String, MeanSpeedAccumulator>, GenericRecord> {
    @ProcessElement
    public void processElement(
        @Element KV<String, MeanSpeedAccumulator> routeSpeeds,
        IntervalWindow window,
        PaneInfo pane,
        OutputReceiver<GenericRecord> out) {
      MeanSpeedAccumulator speeds = routeSpeeds.getValue();
      if (speeds.isEmpty()) {
        PaneCounters.countEmpty(PaneCounters.WINDOWED);
        return;
      }
      PaneCounters.count(PaneCounters.WINDOWED, pane);
      WindowPane windowPane = WindowPane.of(window, pane);
      out.output(MeanSpeedRow.of(routeSpeeds.getKey(), speeds, windowPane));
    }
  }
}

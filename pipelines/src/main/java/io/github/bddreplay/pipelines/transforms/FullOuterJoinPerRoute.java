package io.github.bddreplay.pipelines.transforms;

import static io.github.bddreplay.pipelines.source.ReadSensorStreams.ACCELERATIONS;
import static io.github.bddreplay.pipelines.source.ReadSensorStreams.LOCATIONS;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;

/**
 * The stream-joined pipeline: full outer join of locations (tagged {@link #LOCATIONS}) and
 * accelerations (tagged {@link #ACCELERATIONS}) on {@code uuid} within each event-time window, as
 * Spark's stream-stream full outer join on uuid and window. Rows follow {@link JoinedRow#SCHEMA}.
 *
 * <p>Panes accumulate, so every pane carries the whole current join of its (uuid, window): once a
 * late partner arrives, the next pane holds the matched pairs and no longer the null-padded row.
 * Readers keep, per (uuid, window), the rows of the highest {@code pane_index}.
 */
public class FullOuterJoinPerRoute
    extends PTransform<PCollectionTuple, PCollection<GenericRecord>> {
  /** The grouped rows of each topic, as lists gathered within bundles. */
  private static final TupleTag<List<GenericRecord>> LOCATION_LISTS = new TupleTag<>("locations");

  private static final TupleTag<List<GenericRecord>> ACCELERATION_LISTS =
      new TupleTag<>("accelerations");

  private final WindowingSpec windowing;
  private final Duration earlyFiringDelay;

  public FullOuterJoinPerRoute(WindowingSpec windowing, Duration earlyFiringDelay) {
    this.windowing = windowing;
    this.earlyFiringDelay = earlyFiringDelay;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollectionTuple topics) {
    return KeyedPCollectionTuple.of(
            LOCATION_LISTS, windowedByUuid("Locations", topics.get(LOCATIONS)))
        .and(ACCELERATION_LISTS, windowedByUuid("Accelerations", topics.get(ACCELERATIONS)))
        .apply("Group both topics by uuid", CoGroupByKey.create())
        .apply("Full outer join per uuid", ParDo.of(new FullOuterJoinFn()))
        .setCoder(AvroCoder.of(GenericRecord.class, JoinedRow.SCHEMA));
  }

  private PCollection<KV<String, List<GenericRecord>>> windowedByUuid(
      String topic, PCollection<GenericRecord> rows) {
    return rows.apply(
            topic + ": window with updating panes",
            EventTimeWindowing.<GenericRecord>updatingPanesAfter(windowing, earlyFiringDelay))
        .apply(topic + ": key by uuid", new KeyByUuid())
        .apply(topic + ": gather per uuid", GroupWithinBundle.create());
  }

  static class FullOuterJoinFn extends DoFn<KV<String, CoGbkResult>, GenericRecord> {
    @ProcessElement
    public void processElement(
        @Element KV<String, CoGbkResult> route,
        IntervalWindow window,
        PaneInfo pane,
        OutputReceiver<GenericRecord> out) {
      List<GenericRecord> joined =
          FullOuterJoin.rows(
              route.getKey(),
              flatten(route.getValue().getAll(LOCATION_LISTS)),
              flatten(route.getValue().getAll(ACCELERATION_LISTS)),
              WindowPane.of(window, pane));
      if (joined.isEmpty()) {
        PaneCounters.countEmpty(PaneCounters.STREAM_JOINED);
        return;
      }
      PaneCounters.count(PaneCounters.STREAM_JOINED, pane);
      joined.forEach(out::output);
    }

    private static List<GenericRecord> flatten(Iterable<List<GenericRecord>> lists) {
      List<GenericRecord> rows = new ArrayList<>();
      lists.forEach(rows::addAll);
      return rows;
    }
  }
}

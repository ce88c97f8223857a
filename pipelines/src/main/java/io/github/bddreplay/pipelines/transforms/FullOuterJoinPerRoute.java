package io.github.bddreplay.pipelines.transforms;

import static io.github.bddreplay.pipelines.source.ReadSensorStreams.ACCELERATIONS;
import static io.github.bddreplay.pipelines.source.ReadSensorStreams.LOCATIONS;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * The stream-joined pipeline: full outer join of locations (tagged {@link #LOCATIONS}) and
 * accelerations (tagged {@link #ACCELERATIONS}) on {@code uuid} within each event-time window, as
 * Spark's stream-stream full outer join on uuid and window, in append mode: every row of the batch
 * join is written exactly once, when it is final, and never revised.
 *
 * <ul>
 *   <li>A matched pair is emitted as soon as both of its rows have been read: each arriving row
 *       pairs with the rows of the other topic its route's window holds so far, then joins them.
 *   <li>A row without partner (its route's window has no row of the other topic) is emitted
 *       null-padded when the window expires, i.e. when the watermark passes its end plus the
 *       allowed lateness, or at end of stream. Until then a partner may still arrive.
 *   <li>A row without uuid belongs to no route and is left out ({@link KeyByUuid}).
 * </ul>
 *
 * <p>How: the rows of each route window are held in the state of {@link JoinAsRowsArriveFn}, keyed
 * by route and window start, in the global window. Its expiry comes from a grouping, not from a
 * timer: on Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) a stateful ParDo in streaming never
 * sees the watermark (event-time timers are refused or never fire, and per-window state is never
 * garbage collected; StatefulStreamingParDoEvaluator reads the watermarks once, when the pipeline
 * is translated; apache/beam#23129), while a GroupByKey does. So each route window's rows are also
 * counted by a grouping whose only pane fires when the window expires ({@link
 * EventTimeWindowing#firingOnceAtExpiry}); that count is the signal to emit the padded rows and
 * drop the state once the join holds that many rows of the window. In a streaming run it comes
 * after the window's last row (the source drops rows that are too late for the watermark it
 * reported, and the runner's watermark follows the source's); a batch run may deliver it first.
 *
 * <p>Known cost: on that runner a route window's key stays in the stateful stage's {@code
 * mapWithState} with an empty state after its expiry (StatefulStreamingParDoEvaluator sets no state
 * timeout), so the stage's state grows by one small entry per route window for the life of the run,
 * and every state checkpoint writes them all. Not yet measured over a long run.
 */
public class FullOuterJoinPerRoute
    extends PTransform<PCollectionTuple, PCollection<GenericRecord>> {
  /** Union tags of the join's input: rows of either topic, and the expiry of a route window. */
  static final int LOCATION_SIDE = 0;

  static final int ACCELERATION_SIDE = 1;
  static final int EXPIRED = 2;

  private final WindowingSpec windowing;

  public FullOuterJoinPerRoute(WindowingSpec windowing) {
    this.windowing = windowing;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollectionTuple topics) {
    Coder<KV<String, Long>> routeWindowCoder = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    UnionCoder inputs =
        UnionCoder.of(
            List.of(
                ListCoder.of(AvroCoder.of(GenericRecord.class, Topic.LOCATIONS.schema())),
                ListCoder.of(AvroCoder.of(GenericRecord.class, Topic.ACCELERATIONS.schema())),
                VarLongCoder.of()));
    Coder<KV<KV<String, Long>, RawUnionValue>> inputCoder = KvCoder.of(routeWindowCoder, inputs);

    PCollectionList<KV<KV<String, Long>, RawUnionValue>> rows =
        PCollectionList.empty(topics.getPipeline());
    for (int side : List.of(LOCATION_SIDE, ACCELERATION_SIDE)) {
      String topic = side == LOCATION_SIDE ? "Locations" : "Accelerations";
      rows =
          rows.and(
              topics
                  .get(side == LOCATION_SIDE ? LOCATIONS : ACCELERATIONS)
                  .apply(topic + ": window", EventTimeWindowing.<GenericRecord>forState(windowing))
                  .apply(topic + ": key by uuid", new KeyByUuid())
                  .apply(topic + ": gather per uuid", GroupWithinBundle.create())
                  .apply(topic + ": tag with route window and topic", ParDo.of(new TagSideFn(side)))
                  .setCoder(inputCoder));
    }
    PCollection<KV<KV<String, Long>, RawUnionValue>> bothTopics =
        rows.apply("Rows of both topics", Flatten.pCollections());
    PCollection<KV<KV<String, Long>, RawUnionValue>> expiries =
        bothTopics
            .apply(
                "Window until expiry",
                EventTimeWindowing.<KV<KV<String, Long>, RawUnionValue>>firingOnceAtExpiry(
                    windowing))
            .apply("Row count of each list", ParDo.of(new RowCountFn()))
            .apply("Count rows per route window", Sum.longsPerKey())
            .apply("Expiry of each route window", ParDo.of(new ExpiryFn()))
            .setCoder(inputCoder);
    return PCollectionList.of(bothTopics.apply("Rows into state", intoState()))
        .and(expiries.apply("Expiries into state", intoState()))
        .apply("Rows and expiries", Flatten.pCollections())
        .apply("Join rows as they arrive", ParDo.of(new JoinAsRowsArriveFn()))
        .setCoder(new JoinPiece.Coder())
        .apply("Back into their windows", EventTimeWindowing.<JoinPiece>forState(windowing))
        .apply("Rows of each piece", ParDo.of(new PieceRowsFn(windowing)))
        .setCoder(AvroCoder.of(GenericRecord.class, JoinedRow.SCHEMA));
  }

  /**
   * The global window, where the join keeps route windows in state itself; the trigger is reset as
   * well, or the expiry grouping's would go along and make the two inputs unflattenable.
   */
  private static <T> Window<T> intoState() {
    return Window.<T>into(new GlobalWindows())
        .triggering(DefaultTrigger.of())
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes();
  }

  /**
   * Tags one topic's rows of a route with the topic and keys them by route and window start. One
   * output only: Beam 2.70's Spark runner encodes, caches and decodes again, once per output,
   * everything a multi-output ParDo emits.
   */
  static final class TagSideFn
      extends DoFn<KV<String, List<GenericRecord>>, KV<KV<String, Long>, RawUnionValue>> {
    private final int side;

    TagSideFn(int side) {
      this.side = side;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, List<GenericRecord>> route,
        IntervalWindow window,
        OutputReceiver<KV<KV<String, Long>, RawUnionValue>> out) {
      out.output(
          KV.of(
              KV.of(route.getKey(), window.start().getMillis()),
              new RawUnionValue(side, route.getValue())));
    }
  }

  /**
   * The number of rows a list carries: the expiry grouping holds only counts, since a streaming
   * grouping on Beam 2.70's Spark runner keeps every value it buffers in its state until the window
   * fires, and the rows themselves are held by the join.
   */
  static final class RowCountFn
      extends DoFn<KV<KV<String, Long>, RawUnionValue>, KV<KV<String, Long>, Long>> {
    @ProcessElement
    public void processElement(
        @Element KV<KV<String, Long>, RawUnionValue> rows,
        OutputReceiver<KV<KV<String, Long>, Long>> out) {
      out.output(KV.of(rows.getKey(), (long) ((List<?>) rows.getValue().getValue()).size()));
    }
  }

  /**
   * The expiry signal of a route window. Beam 2.70's Spark runner fires the expiry pane again,
   * empty, in later micro-batches (its garbage-collection timer stays eligible until the watermark
   * passes expiry plus lateness once more): those hold no row and are dropped.
   */
  static final class ExpiryFn
      extends DoFn<KV<KV<String, Long>, Long>, KV<KV<String, Long>, RawUnionValue>> {
    @ProcessElement
    public void processElement(
        @Element KV<KV<String, Long>, Long> rows,
        OutputReceiver<KV<KV<String, Long>, RawUnionValue>> out) {
      if (rows.getValue() > 0) {
        out.output(KV.of(rows.getKey(), new RawUnionValue(EXPIRED, rows.getValue())));
      }
    }
  }

  /**
   * The join of one route window, held in state until the window expires: every arriving list of
   * rows is paired with the other topic's rows held so far, so each pair is emitted once, by the
   * later of its two rows; at expiry, once all of the window's rows are in, a topic's rows are
   * emitted null-padded if the other topic has none, and the state is dropped. Emits {@link
   * JoinPiece}s, not rows.
   */
  static final class JoinAsRowsArriveFn
      extends DoFn<KV<KV<String, Long>, RawUnionValue>, JoinPiece> {
    // Each side is one value, read and written once per arrival: Beam 2.70's Spark runner keeps a
    // bag state as one encoded list and decodes and re-encodes all of it for every single add.
    @StateId("locations")
    private final StateSpec<ValueState<List<GenericRecord>>> locationsSpec =
        StateSpecs.value(ListCoder.of(AvroCoder.of(GenericRecord.class, Topic.LOCATIONS.schema())));

    @StateId("accelerations")
    private final StateSpec<ValueState<List<GenericRecord>>> accelerationsSpec =
        StateSpecs.value(
            ListCoder.of(AvroCoder.of(GenericRecord.class, Topic.ACCELERATIONS.schema())));

    /**
     * The route window's row count, when its expiry came before all of its rows: a runner may hand
     * the join its inputs in any order (Flink's batch execution does, sorted by key only).
     */
    @StateId("expectedRows")
    private final StateSpec<ValueState<Long>> expectedSpec = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void processElement(
        @Element KV<KV<String, Long>, RawUnionValue> element,
        @StateId("locations") ValueState<List<GenericRecord>> locationState,
        @StateId("accelerations") ValueState<List<GenericRecord>> accelerationState,
        @StateId("expectedRows") ValueState<Long> expectedState,
        OutputReceiver<JoinPiece> out) {
      String uuid = element.getKey().getKey();
      long windowStart = element.getKey().getValue();
      int tag = element.getValue().getUnionTag();
      List<GenericRecord> locations = held(locationState);
      List<GenericRecord> accelerations = held(accelerationState);
      if (tag == EXPIRED) {
        long rowsOfTheWindow = (Long) element.getValue().getValue();
        if (locations.size() + accelerations.size() >= rowsOfTheWindow) {
          finish(
              uuid,
              windowStart,
              locations,
              accelerations,
              out,
              locationState,
              accelerationState,
              expectedState);
        } else {
          expectedState.write(rowsOfTheWindow);
        }
        return;
      }
      @SuppressWarnings("unchecked")
      List<GenericRecord> rows = (List<GenericRecord>) element.getValue().getValue();
      boolean isLocation = tag == LOCATION_SIDE;
      List<GenericRecord> partners = isLocation ? accelerations : locations;
      if (!partners.isEmpty()) {
        out.output(
            isLocation
                ? new JoinPiece(uuid, windowStart, rows, partners)
                : new JoinPiece(uuid, windowStart, partners, rows));
      }
      List<GenericRecord> own = new ArrayList<>(isLocation ? locations : accelerations);
      own.addAll(rows);
      Long expected = expectedState.read();
      if (expected != null && own.size() + partners.size() >= expected) {
        finish(
            uuid,
            windowStart,
            isLocation ? own : locations,
            isLocation ? accelerations : own,
            out,
            locationState,
            accelerationState,
            expectedState);
      } else {
        (isLocation ? locationState : accelerationState).write(own);
      }
    }

    /** The window's rows are all in: its rows without partner, padded, and the state dropped. */
    private static void finish(
        String uuid,
        long windowStart,
        List<GenericRecord> locations,
        List<GenericRecord> accelerations,
        OutputReceiver<JoinPiece> out,
        ValueState<List<GenericRecord>> locationState,
        ValueState<List<GenericRecord>> accelerationState,
        ValueState<Long> expectedState) {
      if (locations.isEmpty() != accelerations.isEmpty()) {
        out.output(new JoinPiece(uuid, windowStart, locations, accelerations));
      }
      locationState.clear();
      accelerationState.clear();
      expectedState.clear();
    }

    private static List<GenericRecord> held(ValueState<List<GenericRecord>> state) {
      List<GenericRecord> rows = state.read();
      return rows == null ? List.of() : rows;
    }
  }

  /** The joined rows of each piece, in the sink's stage, where they are written without a copy. */
  static final class PieceRowsFn extends DoFn<JoinPiece, GenericRecord> {
    private final WindowingSpec windowing;

    PieceRowsFn(WindowingSpec windowing) {
      this.windowing = windowing;
    }

    @ProcessElement
    public void processElement(@Element JoinPiece piece, OutputReceiver<GenericRecord> out) {
      piece.forEachRow(windowing.windowSize(), out::output);
    }
  }
}

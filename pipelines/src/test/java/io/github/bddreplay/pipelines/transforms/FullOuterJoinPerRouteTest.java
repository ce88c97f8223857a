package io.github.bddreplay.pipelines.transforms;

import static io.github.bddreplay.pipelines.transforms.BddRows.at;
import static io.github.bddreplay.pipelines.transforms.BddRows.window;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.source.ReadSensorStreams;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stream-joined pipeline's append semantics: every row of the batch join once, in its window, a
 * null-padded row only once its window can no longer change. Both topics come from one TestStream,
 * so the order of arrivals and the watermark are pinned for both sides at once.
 */
class FullOuterJoinPerRouteTest {
  @RegisterExtension final TestPipelineExtension pipelineExtension = TestPipelineExtension.create();

  private static TestStream.Builder<KV<String, GenericRecord>> stream() {
    return TestStream.create(new TopicRowCoder());
  }

  /** A location row of {@code uuid} at {@code seconds} after T0, tagged with its topic. */
  private static TimestampedValue<KV<String, GenericRecord>> loc(
      String id, String uuid, double seconds) {
    return tagged(
        Topic.LOCATIONS.folderName(), BddRows.location(id, uuid, "ride-" + uuid, seconds, 8.0));
  }

  /** An acceleration row of {@code uuid} at {@code seconds} after T0, tagged with its topic. */
  private static TimestampedValue<KV<String, GenericRecord>> acc(
      String id, String uuid, double seconds) {
    return tagged(Topic.ACCELERATIONS.folderName(), BddRows.acceleration(id, uuid, seconds));
  }

  private static TimestampedValue<KV<String, GenericRecord>> tagged(
      String topic, TimestampedValue<GenericRecord> row) {
    return TimestampedValue.of(KV.of(topic, row.getValue()), row.getTimestamp());
  }

  /** Joins the two topics of the stream and describes each output row as "uuid loc x acc". */
  private static PCollection<String> joined(
      TestPipeline pipeline, TestStream<KV<String, GenericRecord>> events) {
    PCollection<KV<String, GenericRecord>> topics = pipeline.apply(events);
    PCollectionTuple bothTopics =
        PCollectionTuple.of(
                ReadSensorStreams.LOCATIONS,
                topic(topics, Topic.LOCATIONS.folderName(), BddRows.LOCATION_CODER))
            .and(
                ReadSensorStreams.ACCELERATIONS,
                topic(topics, Topic.ACCELERATIONS.folderName(), BddRows.ACCELERATION_CODER));
    return bothTopics
        .apply(new FullOuterJoinPerRoute(WindowingSpec.DEFAULT))
        .apply(
            "Describe",
            MapElements.into(TypeDescriptors.strings()).via(FullOuterJoinPerRouteTest::describe));
  }

  private static PCollection<GenericRecord> topic(
      PCollection<KV<String, GenericRecord>> topics, String name, Coder<GenericRecord> coder) {
    return topics
        .apply(name + ": filter", Filter.by(row -> row.getKey().equals(name)))
        .apply(name + ": rows", Values.create())
        .setCoder(coder);
  }

  private static String describe(GenericRecord row) {
    return String.format(
        "%s %s x %s", row.get("uuid"), orDash(row.get("loc_id")), orDash(row.get("acc_id")));
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  @Test
  void locationAndAccelerationOfOneRouteInOneWindowAreMatched(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(loc("L1", "car-a", 1), acc("A1", "car-a", 2))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).inWindow(window(0)).containsInAnyOrder("car-a L1 x A1");
    PAssert.that(output).containsInAnyOrder("car-a L1 x A1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everyLocationIsPairedWithEveryAccelerationOfItsRouteAndWindowOnce(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(loc("L1", "car-a", 1), acc("A1", "car-a", 1.02))
            .advanceWatermarkTo(at(5))
            .addElements(acc("A2", "car-a", 1.04), loc("L2", "car-a", 4))
            .advanceWatermarkTo(window(0).end())
            .addElements(acc("A3", "car-a", 1.06))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output)
        .containsInAnyOrder(
            "car-a L1 x A1",
            "car-a L1 x A2",
            "car-a L1 x A3",
            "car-a L2 x A1",
            "car-a L2 x A2",
            "car-a L2 x A3");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void locationWithoutAccelerationIsPaddedWithNulls(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(
                loc("L1", "car-a", 1),
                // Same route, other window: no partner for L1.
                acc("A1", "car-a", 16))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).inWindow(window(0)).containsInAnyOrder("car-a L1 x -");
    PAssert.that(output).inWindow(window(1)).containsInAnyOrder("car-a - x A1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void accelerationWithoutLocationIsPaddedWithNulls(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(
                acc("A1", "car-a", 1),
                // Same window, other route: no partner for A1.
                loc("L1", "car-b", 2))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).inWindow(window(0)).containsInAnyOrder("car-a - x A1", "car-b L1 x -");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aLatePartnerWithinTheLatenessIsMatchedAndNoPaddedRowIsEverWritten(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(loc("L1", "car-a", 1))
            // Past the window's end, within its 30 s of allowed lateness.
            .advanceWatermarkTo(window(0).end().plus(Duration.standardSeconds(29)))
            .addElements(acc("A1", "car-a", 2))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).containsInAnyOrder("car-a L1 x A1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aRowIsPaddedWhenItsWindowExpiresAndAPartnerAfterThatIsDropped(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(loc("L1", "car-a", 1))
            .advanceWatermarkTo(window(0).end().plus(Duration.standardSeconds(31)))
            .addElements(acc("A1", "car-a", 2))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).containsInAnyOrder("car-a L1 x -");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rowsWithoutUuidBelongToNoRouteAndJoinNothing(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(loc("L1", null, 1), acc("A1", null, 2), acc("A2", "car-a", 3))
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).inWindow(window(0)).containsInAnyOrder("car-a - x A2");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void windowsOfTheActiveTopicCloseWhileTheOtherTopicIsIdle(TestPipeline pipeline) {
    TestStream<KV<String, GenericRecord>> events =
        stream()
            .addElements(loc("L1", "car-a", 1), acc("A1", "car-a", 1))
            .advanceWatermarkTo(window(0).end())
            // From here on, accelerations stay silent.
            .addElements(loc("L2", "car-a", 16))
            .advanceWatermarkTo(window(1).end())
            .addElements(loc("L3", "car-a", 31))
            .advanceWatermarkTo(window(2).end())
            .advanceWatermarkToInfinity();

    PCollection<String> output = joined(pipeline, events);

    PAssert.that(output).inWindow(window(0)).containsInAnyOrder("car-a L1 x A1");
    PAssert.that(output).inWindow(window(1)).containsInAnyOrder("car-a L2 x -");
    PAssert.that(output).inWindow(window(2)).containsInAnyOrder("car-a L3 x -");
    pipeline.run().waitUntilFinish();
  }

  /**
   * A batch run may hand the join a route window's expiry before its rows (Flink's batch execution
   * orders the join's input by key only): the window is finished, its unpartnered rows padded and
   * its state dropped, once all the rows its expiry counted are in, and not before.
   */
  @Test
  void anExpiryThatComesBeforeItsWindowsRowsWaitsForAllOfThem(TestPipeline pipeline) {
    long start = window(0).start().getMillis();
    KvCoder<KV<String, Long>, RawUnionValue> coder =
        KvCoder.of(
            KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), VarLongCoder.of()),
            UnionCoder.of(
                List.of(
                    ListCoder.of(BddRows.LOCATION_CODER),
                    ListCoder.of(BddRows.ACCELERATION_CODER),
                    VarLongCoder.of())));
    TestStream<KV<KV<String, Long>, RawUnionValue>> events =
        TestStream.create(coder)
            .addElements(expiry("car-a", start, 3), expiry("car-b", start, 2))
            .addElements(
                side(FullOuterJoinPerRoute.LOCATION_SIDE, "car-a", start, loc("L1", "car-a", 1)))
            .addElements(
                side(
                    FullOuterJoinPerRoute.ACCELERATION_SIDE,
                    "car-a",
                    start,
                    acc("A1", "car-a", 2),
                    acc("A2", "car-a", 3)))
            .addElements(
                side(FullOuterJoinPerRoute.LOCATION_SIDE, "car-b", start, loc("L2", "car-b", 4)))
            .addElements(
                side(FullOuterJoinPerRoute.LOCATION_SIDE, "car-b", start, loc("L3", "car-b", 5)))
            .advanceWatermarkToInfinity();

    PCollection<String> output =
        pipeline
            .apply(events)
            .apply(ParDo.of(new FullOuterJoinPerRoute.JoinAsRowsArriveFn()))
            .setCoder(new JoinPiece.Coder())
            .apply(
                FlatMapElements.into(TypeDescriptors.strings())
                    .via(
                        (JoinPiece piece) -> {
                          List<String> rows = new ArrayList<>();
                          piece.forEachRow(
                              WindowingSpec.DEFAULT.windowSize(), row -> rows.add(describe(row)));
                          return rows;
                        }));

    PAssert.that(output)
        .containsInAnyOrder("car-a L1 x A1", "car-a L1 x A2", "car-b L2 x -", "car-b L3 x -");
    pipeline.run().waitUntilFinish();
  }

  private static KV<KV<String, Long>, RawUnionValue> expiry(String uuid, long start, long rows) {
    return KV.of(KV.of(uuid, start), new RawUnionValue(FullOuterJoinPerRoute.EXPIRED, rows));
  }

  @SafeVarargs
  private static KV<KV<String, Long>, RawUnionValue> side(
      int side, String uuid, long start, TimestampedValue<KV<String, GenericRecord>>... rows) {
    List<GenericRecord> values = new ArrayList<>();
    for (TimestampedValue<KV<String, GenericRecord>> row : rows) {
      values.add(row.getValue().getValue());
    }
    return KV.of(KV.of(uuid, start), new RawUnionValue(side, values));
  }
}

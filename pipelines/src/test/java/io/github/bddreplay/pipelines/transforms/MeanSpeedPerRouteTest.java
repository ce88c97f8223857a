package io.github.bddreplay.pipelines.transforms;

import static io.github.bddreplay.pipelines.transforms.BddRows.at;
import static io.github.bddreplay.pipelines.transforms.BddRows.location;
import static io.github.bddreplay.pipelines.transforms.BddRows.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Windows, panes and lateness of the windowed pipeline, pinned with a TestStream. */
class MeanSpeedPerRouteTest {
  private static final WindowingSpec SPEC = WindowingSpec.DEFAULT;

  @RegisterExtension final TestPipelineExtension pipelineExtension = TestPipelineExtension.create();

  private static PCollection<GenericRecord> meanSpeeds(
      TestPipeline pipeline, TestStream<GenericRecord> locations) {
    return pipeline.apply(locations).apply(new MeanSpeedPerRoute(SPEC));
  }

  private static TestStream.Builder<GenericRecord> stream() {
    return TestStream.create(BddRows.LOCATION_CODER);
  }

  private static GenericRecord row(
      String uuid,
      String rideId,
      IntervalWindow window,
      Double meanSpeed,
      long fixCount,
      long invalidSpeedCount,
      long paneIndex,
      String paneTiming) {
    GenericRecord row = new GenericData.Record(MeanSpeedRow.SCHEMA);
    row.put("uuid", uuid);
    row.put("ride_id", rideId);
    row.put("window_start", window.start().getMillis() * 1000L);
    row.put("window_end", window.end().getMillis() * 1000L);
    row.put("mean_speed", meanSpeed);
    row.put("fix_count", fixCount);
    row.put("invalid_speed_count", invalidSpeedCount);
    row.put("pane_index", paneIndex);
    row.put("pane_timing", paneTiming);
    return row;
  }

  @Test
  void onTimePaneHasMeanOfValidSpeedsPerRouteAndCountsInvalidOnes(TestPipeline pipeline) {
    TestStream<GenericRecord> locations =
        stream()
            .addElements(
                location("L1", "car-a", "ride-a", 1, 10.0),
                location("L2", "car-a", "ride-a", 2, 20.0),
                location("L3", "car-a", null, 3, -1.0),
                location("L4", "car-a", "ride-a", 4, null),
                location("L5", "car-b", "ride-b", 5, 7.5))
            .advanceWatermarkTo(window(0).end())
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    GenericRecord earlyA = row("car-a", "ride-a", window(0), 15.0, 2, 2, 0, "EARLY");
    GenericRecord earlyB = row("car-b", "ride-b", window(0), 7.5, 1, 0, 0, "EARLY");
    GenericRecord carA = row("car-a", "ride-a", window(0), 15.0, 2, 2, 1, "ON_TIME");
    GenericRecord carB = row("car-b", "ride-b", window(0), 7.5, 1, 0, 1, "ON_TIME");
    PAssert.that(output).inOnTimePane(window(0)).containsInAnyOrder(carA, carB);
    PAssert.that(output).containsInAnyOrder(earlyA, earlyB, carA, carB);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void newDataBeforeTheWatermarkGivesAnEarlyPaneThenOnTimePaneWithAll(TestPipeline pipeline) {
    TestStream<GenericRecord> locations =
        stream()
            .addElements(location("L1", "car-a", "ride-a", 1, 10.0))
            .advanceWatermarkTo(at(5))
            .addElements(
                location("L2", "car-a", "ride-a", 2, 20.0),
                location("L3", "car-a", "ride-a", 3, -1.0))
            .advanceWatermarkTo(window(0).end())
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    GenericRecord first = row("car-a", "ride-a", window(0), 10.0, 1, 0, 0, "EARLY");
    GenericRecord second = row("car-a", "ride-a", window(0), 15.0, 2, 1, 1, "EARLY");
    GenericRecord onTime = row("car-a", "ride-a", window(0), 15.0, 2, 1, 2, "ON_TIME");
    PAssert.that(output).inEarlyPane(window(0)).containsInAnyOrder(first, second);
    PAssert.that(output).inOnTimePane(window(0)).containsInAnyOrder(onTime);
    PAssert.that(output).containsInAnyOrder(first, second, onTime);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rowBehindTheWatermarkBeforeItsWindowEndsJoinsTheOnTimePane(TestPipeline pipeline) {
    TestStream<GenericRecord> locations =
        stream()
            .addElements(location("L1", "car-a", "ride-a", 20, 30.0))
            .advanceWatermarkTo(at(10))
            // Event time 5 s is behind the watermark, but its window [0 s, 15 s) is still open.
            .addElements(location("L2", "car-a", "ride-a", 5, 10.0))
            .advanceWatermarkTo(window(1).end())
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    GenericRecord firstEarly = row("car-a", "ride-a", window(0), 10.0, 1, 0, 0, "EARLY");
    GenericRecord secondEarly = row("car-a", "ride-a", window(1), 30.0, 1, 0, 0, "EARLY");
    GenericRecord first = row("car-a", "ride-a", window(0), 10.0, 1, 0, 1, "ON_TIME");
    GenericRecord second = row("car-a", "ride-a", window(1), 30.0, 1, 0, 1, "ON_TIME");
    PAssert.that(output).inOnTimePane(window(0)).containsInAnyOrder(first);
    PAssert.that(output).inOnTimePane(window(1)).containsInAnyOrder(second);
    PAssert.that(output).containsInAnyOrder(firstEarly, secondEarly, first, second);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void lateRowsWithinAllowedLatenessRefireTheWindowWithTheAccumulatedMean(TestPipeline pipeline) {
    TestStream<GenericRecord> locations =
        stream()
            .addElements(location("L1", "car-a", "ride-a", 1, 10.0))
            .advanceWatermarkTo(window(0).end().plus(Duration.standardSeconds(20)))
            .addElements(location("L2", "car-a", "ride-a", 2, 20.0))
            .addElements(location("L3", "car-a", "ride-a", 3, -1.0))
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    GenericRecord early = row("car-a", "ride-a", window(0), 10.0, 1, 0, 0, "EARLY");
    GenericRecord onTime = row("car-a", "ride-a", window(0), 10.0, 1, 0, 1, "ON_TIME");
    GenericRecord firstLate = row("car-a", "ride-a", window(0), 15.0, 2, 0, 2, "LATE");
    GenericRecord secondLate = row("car-a", "ride-a", window(0), 15.0, 2, 1, 3, "LATE");
    PAssert.that(output).inOnTimePane(window(0)).containsInAnyOrder(onTime);
    PAssert.that(output).inLatePane(window(0)).containsInAnyOrder(firstLate, secondLate);
    PAssert.that(output).containsInAnyOrder(early, onTime, firstLate, secondLate);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rowAtTheLastInstantOfAllowedLatenessStillRefiresTheWindow(TestPipeline pipeline) {
    // Beam and WindowingSpec.isTooLate must agree on the boundary: the source drops rows with it.
    assertFalse(SPEC.isTooLate(at(2), at(44.999)));
    TestStream<GenericRecord> locations =
        stream()
            .addElements(location("L1", "car-a", "ride-a", 1, 10.0))
            .advanceWatermarkTo(at(44.999))
            .addElements(location("L2", "car-a", "ride-a", 2, 20.0))
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    GenericRecord early = row("car-a", "ride-a", window(0), 10.0, 1, 0, 0, "EARLY");
    GenericRecord onTime = row("car-a", "ride-a", window(0), 10.0, 1, 0, 1, "ON_TIME");
    GenericRecord late = row("car-a", "ride-a", window(0), 15.0, 2, 0, 2, "LATE");
    PAssert.that(output).inLatePane(window(0)).containsInAnyOrder(late);
    PAssert.that(output).containsInAnyOrder(early, onTime, late);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rowBeyondAllowedLatenessIsDroppedWithoutAPane(TestPipeline pipeline) {
    // The window's last instant is 14.999 s: with 30 s of lateness it takes data until the
    // watermark passes 44.999 s.
    assertTrue(SPEC.isTooLate(at(2), at(45)));
    TestStream<GenericRecord> locations =
        stream()
            .addElements(location("L1", "car-a", "ride-a", 1, 10.0))
            .advanceWatermarkTo(at(45))
            .addElements(location("L2", "car-a", "ride-a", 2, 20.0))
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    GenericRecord early = row("car-a", "ride-a", window(0), 10.0, 1, 0, 0, "EARLY");
    GenericRecord onTime = row("car-a", "ride-a", window(0), 10.0, 1, 0, 1, "ON_TIME");
    PAssert.that(output).inLatePane(window(0)).empty();
    PAssert.that(output).containsInAnyOrder(early, onTime);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rowsWithoutUuidBelongToNoRouteAndAreLeftOut(TestPipeline pipeline) {
    TestStream<GenericRecord> locations =
        stream()
            .addElements(
                location("L1", null, "ride-x", 1, 50.0), location("L2", "car-a", "ride-a", 2, 10.0))
            .advanceWatermarkTo(window(0).end())
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> output = meanSpeeds(pipeline, locations);

    PAssert.that(output)
        .containsInAnyOrder(
            row("car-a", "ride-a", window(0), 10.0, 1, 0, 0, "EARLY"),
            row("car-a", "ride-a", window(0), 10.0, 1, 0, 1, "ON_TIME"));
    pipeline.run().waitUntilFinish();
  }

  /**
   * What Beam 2.70's Spark runner emits when it fires the timer of a window whose state is gone.
   */
  @Test
  void aPaneWithoutAnyFixIsNotEmitted(TestPipeline pipeline) {
    PCollection<GenericRecord> output =
        pipeline
            .apply(
                Create.timestamped(
                        TimestampedValue.of(KV.of("car-a", new MeanSpeedAccumulator()), at(1)),
                        TimestampedValue.of(
                            KV.of("car-b", new MeanSpeedAccumulator().add(-1.0, "ride-b")), at(2)))
                    .withCoder(
                        KvCoder.of(StringUtf8Coder.of(), MeanSpeedFn.AccumulatorCoder.INSTANCE)))
            .apply(Window.into(FixedWindows.of(SPEC.windowSize())))
            .apply(ParDo.of(new MeanSpeedPerRoute.FormatMeanSpeedRowFn()))
            .setCoder(AvroCoder.of(GenericRecord.class, MeanSpeedRow.SCHEMA));

    PAssert.that(output)
        .satisfies(
            rows -> {
              List<String> routes = new ArrayList<>();
              rows.forEach(row -> routes.add(row.get("uuid").toString()));
              assertEquals(List.of("car-b"), routes);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}

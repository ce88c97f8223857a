package io.github.bddreplay.pipelines.transforms;

import static io.github.bddreplay.pipelines.transforms.BddRows.location;
import static io.github.bddreplay.pipelines.transforms.BddRows.window;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CopyIntoWindowsTest {
  @RegisterExtension final TestPipelineExtension pipelineExtension = TestPipelineExtension.create();

  @Test
  void everyRowIsCopiedUnchangedIntoItsWindowOnceEvenAfterGrouping(TestPipeline pipeline) {
    TimestampedValue<GenericRecord> first = location("L1", "car-a", "ride-a", 1, 10.0);
    TimestampedValue<GenericRecord> next = location("L2", "car-a", "ride-a", 16, -1.0);
    TimestampedValue<GenericRecord> late = location("L3", "car-a", null, 2, null);
    TestStream<GenericRecord> locations =
        TestStream.create(BddRows.LOCATION_CODER)
            .addElements(first, next)
            .advanceWatermarkTo(window(1).end().plus(Duration.standardSeconds(5)))
            .addElements(late)
            .advanceWatermarkToInfinity();

    PCollection<GenericRecord> copied =
        pipeline.apply(locations).apply(new CopyIntoWindows(WindowingSpec.DEFAULT));
    // Panes discard, so grouping (as a file sink does) sees each row in one pane only.
    PCollection<GenericRecord> regrouped =
        copied
            .apply(new KeyByUuid())
            .apply(GroupByKey.create())
            .apply(Values.create())
            .apply(Flatten.iterables())
            .setCoder(BddRows.LOCATION_CODER);

    PAssert.that(copied).inWindow(window(0)).containsInAnyOrder(first.getValue(), late.getValue());
    PAssert.that(copied).inWindow(window(1)).containsInAnyOrder(next.getValue());
    PAssert.that(regrouped).containsInAnyOrder(first.getValue(), next.getValue(), late.getValue());
    PAssert.that(regrouped).inLatePane(window(0)).containsInAnyOrder(late.getValue());
    pipeline.run().waitUntilFinish();
  }
}

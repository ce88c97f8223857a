package io.github.bddreplay.pipelines.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.avro.Schema;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.junit.jupiter.api.Test;

class WindowPaneTest {

  @Test
  void windowBoundsBecomeEpochMicrosAndPaneKeepsIndexAndTiming() {
    PaneInfo latePane = PaneInfo.createPane(false, false, Timing.LATE, 3, 2);

    WindowPane pane = WindowPane.of(BddRows.window(1), latePane);

    long t0Micros = BddRows.T0.getMillis() * 1000L;
    assertEquals(t0Micros + 15_000_000L, pane.windowStartMicros());
    assertEquals(t0Micros + 30_000_000L, pane.windowEndMicros());
    assertEquals(3, pane.paneIndex());
    assertEquals("LATE", pane.paneTiming());
  }

  @Test
  void windowColumnsAreUtcTimestampMicros() {
    for (Schema.Field field : WindowPane.windowFields()) {
      assertEquals(Schema.Type.LONG, field.schema().getType(), field.name());
      assertEquals("timestamp-micros", field.schema().getLogicalType().getName(), field.name());
    }
  }
}

package io.github.bddreplay.pipelines.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.apache.beam.sdk.values.WindowingStrategy.AccumulationMode;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** The windowing strategies as the pipeline graph records them (no pipeline is run). */
class EventTimeWindowingTest {
  private static final WindowingSpec SPEC =
      new WindowingSpec(Duration.standardSeconds(15), Duration.standardSeconds(30));

  private static WindowingStrategy<?, ?> strategyOf(Window<String> window) {
    return Pipeline.create()
        .apply(Create.empty(StringUtf8Coder.of()))
        .apply(window)
        .getWindowingStrategy();
  }

  /** Accumulating panes in the spec's windows and lateness, early ones as {@code earlyFirings}. */
  private static void assertUpdating(WindowingStrategy<?, ?> strategy, String earlyFirings) {
    assertEquals(FixedWindows.of(Duration.standardSeconds(15)), strategy.getWindowFn());
    assertEquals(Duration.standardSeconds(30), strategy.getAllowedLateness());
    assertEquals(AccumulationMode.ACCUMULATING_FIRED_PANES, strategy.getMode());
    assertEquals(
        "AfterWatermark.pastEndOfWindow()"
            + ".withEarlyFirings(" + earlyFirings + ")"
            + ".withLateFirings(AfterPane.elementCountAtLeast(1))",
        strategy.getTrigger().toString());
  }

  @Test
  void updatingPanesFireEarlyForNewData() {
    assertUpdating(
        strategyOf(EventTimeWindowing.updatingPanes(SPEC)), "AfterPane.elementCountAtLeast(1)");
  }

  @Test
  void updatingPanesAfterADelayFireEarlyOnProcessingTime() {
    assertUpdating(
        strategyOf(EventTimeWindowing.updatingPanesAfter(SPEC, Duration.standardSeconds(1))),
        "AfterProcessingTime.pastFirstElementInPane().plusDelayOf(1 second)");
  }

  @Test
  void discardingPanesFirePerArrivalInTheSpecsWindowsAndLateness() {
    WindowingStrategy<?, ?> strategy =
        strategyOf(EventTimeWindowing.discardingPanes(SPEC));

    assertEquals(FixedWindows.of(Duration.standardSeconds(15)), strategy.getWindowFn());
    assertEquals(Duration.standardSeconds(30), strategy.getAllowedLateness());
    assertEquals(AccumulationMode.DISCARDING_FIRED_PANES, strategy.getMode());
    assertEquals(
        "Repeatedly.forever(AfterPane.elementCountAtLeast(1))", strategy.getTrigger().toString());
  }
}

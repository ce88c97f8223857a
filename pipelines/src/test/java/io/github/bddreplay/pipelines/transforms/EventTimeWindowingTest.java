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

  @Test
  void updatingPanesAccumulateInTheSpecsWindowsAndLateness() {
    WindowingStrategy<?, ?> strategy = strategyOf(EventTimeWindowing.updatingPanes(SPEC));

    assertEquals(FixedWindows.of(Duration.standardSeconds(15)), strategy.getWindowFn());
    assertEquals(Duration.standardSeconds(30), strategy.getAllowedLateness());
    assertEquals(AccumulationMode.ACCUMULATING_FIRED_PANES, strategy.getMode());
    assertEquals(
        "AfterWatermark.pastEndOfWindow()"
            + ".withEarlyFirings(AfterPane.elementCountAtLeast(1))"
            + ".withLateFirings(AfterPane.elementCountAtLeast(1))",
        strategy.getTrigger().toString());
  }

  @Test
  void discardingPanesFirePerArrivalInTheSpecsWindowsAndLateness() {
    WindowingStrategy<?, ?> strategy = strategyOf(EventTimeWindowing.discardingPanes(SPEC));

    assertEquals(FixedWindows.of(Duration.standardSeconds(15)), strategy.getWindowFn());
    assertEquals(Duration.standardSeconds(30), strategy.getAllowedLateness());
    assertEquals(AccumulationMode.DISCARDING_FIRED_PANES, strategy.getMode());
    assertEquals(
        "Repeatedly.forever(AfterPane.elementCountAtLeast(1))", strategy.getTrigger().toString());
  }

  @Test
  void windowsForStateKeepTheSpecsWindowsAndLatenessWithTheDefaultTrigger() {
    WindowingStrategy<?, ?> strategy = strategyOf(EventTimeWindowing.forState(SPEC));

    assertEquals(FixedWindows.of(Duration.standardSeconds(15)), strategy.getWindowFn());
    assertEquals(Duration.standardSeconds(30), strategy.getAllowedLateness());
    assertEquals("DefaultTrigger", strategy.getTrigger().toString());
  }

  @Test
  void firingOnceAtExpiryNeverFiresEarlyAndAlwaysFiresItsClosingPane() {
    WindowingStrategy<?, ?> strategy = strategyOf(EventTimeWindowing.firingOnceAtExpiry(SPEC));

    assertEquals(FixedWindows.of(Duration.standardSeconds(15)), strategy.getWindowFn());
    assertEquals(Duration.standardSeconds(30), strategy.getAllowedLateness());
    assertEquals(Window.ClosingBehavior.FIRE_ALWAYS, strategy.getClosingBehavior());
    assertEquals(AccumulationMode.DISCARDING_FIRED_PANES, strategy.getMode());
    assertEquals("Never.NeverTrigger", strategy.getTrigger().toString());
  }
}

package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Trigger.OnceTrigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.joda.time.Duration;

/**
 * The two ways the pipelines window their event-time streams. Both use the fixed windows and the
 * allowed lateness of a {@link WindowingSpec}; they differ in how panes relate to each other.
 */
public final class EventTimeWindowing {
  private EventTimeWindowing() {}

  /**
   * Panes that each carry the whole current result of their window, so a later pane supersedes the
   * earlier ones (Spark's update output mode): an early pane for every grouping that brought the
   * window new data (on Spark, every micro-batch), one on-time pane when the watermark passes the
   * end of the window, and one late pane per late arrival until the allowed lateness runs out.
   */
  public static <T> Window<T> updatingPanes(WindowingSpec spec) {
    return updating(spec, AfterPane.elementCountAtLeast(1));
  }

  /**
   * As {@link #updatingPanes}, but an early pane fires {@code earlyFiringDelay} of processing time
   * after the first new element, which bounds how many panes a window gets while data streams in:
   * for results whose every pane is expensive to write again.
   */
  public static <T> Window<T> updatingPanesAfter(WindowingSpec spec, Duration earlyFiringDelay) {
    return updating(
        spec, AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringDelay));
  }

  private static <T> Window<T> updating(WindowingSpec spec, OnceTrigger earlyFirings) {
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(
            AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(earlyFirings)
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(spec.allowedLateness())
        .accumulatingFiredPanes();
  }

  /**
   * Panes that each carry only what arrived since the previous pane, so every element appears in
   * exactly one pane, and never empty: a grouping downstream emits its elements as they come,
   * late ones within the allowed lateness included.
   */
  public static <T> Window<T> discardingPanes(WindowingSpec spec) {
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(spec.allowedLateness())
        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .discardingFiredPanes();
  }
}

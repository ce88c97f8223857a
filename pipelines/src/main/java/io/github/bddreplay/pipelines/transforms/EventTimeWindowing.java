package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Never;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;

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
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(
            AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterPane.elementCountAtLeast(1))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(spec.allowedLateness())
        .accumulatingFiredPanes();
  }

  /**
   * The windows alone, for steps that only need each element's window and group nothing in it: the
   * join gathers a bundle's rows per route window and names output files by window, and keeps its
   * state itself, in the global window. (Beam asks for an accumulation mode with any lateness; no
   * grouping follows, so there are no panes for it to apply to.)
   */
  public static <T> Window<T> forState(WindowingSpec spec) {
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .withAllowedLateness(spec.allowedLateness())
        .discardingFiredPanes();
  }

  /**
   * One pane per key and window, holding all of the window's elements, fired when the window
   * expires: when the watermark passes its end plus the allowed lateness, or at end of stream.
   */
  public static <T> Window<T> firingOnceAtExpiry(WindowingSpec spec) {
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(Never.ever())
        .withAllowedLateness(spec.allowedLateness(), Window.ClosingBehavior.FIRE_ALWAYS)
        .discardingFiredPanes();
  }

  /**
   * Panes that each carry only what arrived since the previous pane, so every element appears in
   * exactly one pane, and never empty: a grouping downstream emits its elements as they come, late
   * ones within the allowed lateness included.
   */
  public static <T> Window<T> discardingPanes(WindowingSpec spec) {
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(spec.allowedLateness())
        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .discardingFiredPanes();
  }
}

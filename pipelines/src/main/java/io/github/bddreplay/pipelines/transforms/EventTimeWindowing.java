package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Trigger;
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
   * earlier ones (Spark's update output mode): speculative early panes while data arrives, one
   * on-time pane when the watermark passes the end of the window, and one late pane per late
   * arrival until the allowed lateness runs out.
   *
   * @param earlyFiringDelay processing time after the first element of a pane before an early pane
   *     fires; bounds how many speculative panes a window gets while data streams in
   */
  public static <T> Window<T> updatingPanes(WindowingSpec spec, Duration earlyFiringDelay) {
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(
            AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(
                    AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringDelay))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(spec.allowedLateness())
        .accumulatingFiredPanes();
  }

  /**
   * Panes that each carry only what arrived since the previous pane, so every element appears in
   * exactly one pane, and never empty. With a zero {@code flushDelay} a pane fires as soon as
   * elements are buffered; otherwise {@code flushDelay} of processing time after the first element
   * of a pane, so that a file sink writes one file per window and interval rather than one per
   * bundle. Whatever is still buffered when the window closes is emitted then.
   */
  public static <T> Window<T> discardingPanes(WindowingSpec spec, Duration flushDelay) {
    Trigger firstFiring =
        flushDelay.getMillis() == 0
            ? AfterPane.elementCountAtLeast(1)
            : AfterProcessingTime.pastFirstElementInPane().plusDelayOf(flushDelay);
    return Window.<T>into(FixedWindows.of(spec.windowSize()))
        .triggering(Repeatedly.forever(firstFiring))
        .withAllowedLateness(spec.allowedLateness())
        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
        .discardingFiredPanes();
  }
}

package io.github.bddreplay.pipelines.windowing;

import java.io.Serializable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The event-time windows every pipeline shares: fixed windows aligned on the epoch (as Spark's
 * {@code window(timestamp, "15 seconds")}) and how long after its end a window still takes data.
 * Kept as plain arithmetic so the source, the transforms and the tests agree on one rule.
 */
public final class WindowingSpec implements Serializable {
  public static final WindowingSpec DEFAULT =
      new WindowingSpec(Duration.standardSeconds(15), Duration.standardSeconds(30));

  private final Duration windowSize;
  private final Duration allowedLateness;

  public WindowingSpec(Duration windowSize, Duration allowedLateness) {
    if (windowSize.getMillis() <= 0) {
      throw new IllegalArgumentException("window size must be positive: " + windowSize);
    }
    if (allowedLateness.getMillis() < 0) {
      throw new IllegalArgumentException(
          "allowed lateness must not be negative: " + allowedLateness);
    }
    this.windowSize = windowSize;
    this.allowedLateness = allowedLateness;
  }

  public Duration windowSize() {
    return windowSize;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  /** Start of the window that holds {@code eventTime}. */
  public Instant windowStart(Instant eventTime) {
    long size = windowSize.getMillis();
    return new Instant(Math.floorDiv(eventTime.getMillis(), size) * size);
  }

  /** Exclusive end of the window that holds {@code eventTime}. */
  public Instant windowEnd(Instant eventTime) {
    return windowStart(eventTime).plus(windowSize);
  }

  /**
   * Whether an element at {@code eventTime} arrives too late to change any result once the
   * watermark is at {@code watermark}: Beam drops it when its window's last instant plus the
   * allowed lateness is behind the watermark.
   */
  public boolean isTooLate(Instant eventTime, Instant watermark) {
    Instant windowMaxTimestamp = windowEnd(eventTime).minus(Duration.millis(1));
    return windowMaxTimestamp.plus(allowedLateness).isBefore(watermark);
  }
}

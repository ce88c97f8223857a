package io.github.bddreplay.contract;

/** The event time the replayer gives a row: the replay's start plus the row's recorded offset. */
public final class EventTime {
  private EventTime() {}

  /**
   * Epoch microseconds of a row recorded {@code offsetSeconds} after the start of the drive, when
   * the replay starts at {@code startMicros}; rounded half up to the microsecond.
   */
  public static long micros(long startMicros, double offsetSeconds) {
    return startMicros + (long) Math.floor(offsetSeconds * 1e6 + 0.5);
  }
}

package io.github.bddreplay.pipelines.oracle;

import java.time.Instant;
import java.util.Comparator;

/**
 * One route (car {@code uuid}, possibly null) in one 15 s event-time window, with the window's
 * bounds in epoch microseconds as the outputs' {@code window_start} and {@code window_end} carry
 * them. The end is part of the key so a pipeline writing wrong window ends shows up as a key
 * mismatch.
 */
public record WindowKey(String uuid, long windowStartMicros, long windowEndMicros)
    implements Comparable<WindowKey> {
  /** The windows' size: fixed 15 s windows aligned on the epoch. */
  public static final long WINDOW_MILLIS = 15_000;

  private static final Comparator<WindowKey> ORDER =
      Comparator.comparing(WindowKey::uuid, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingLong(WindowKey::windowStartMicros)
          .thenComparingLong(WindowKey::windowEndMicros);

  /**
   * The window holding a row with event time {@code eventMicros}: as in Beam, the event time is
   * taken to the millisecond first (floor), then the window starts at the multiple of 15 s at or
   * before it.
   */
  public static WindowKey containing(String uuid, long eventMicros) {
    long eventMillis = Math.floorDiv(eventMicros, 1000L);
    long startMillis = Math.floorDiv(eventMillis, WINDOW_MILLIS) * WINDOW_MILLIS;
    return new WindowKey(uuid, startMillis * 1000L, (startMillis + WINDOW_MILLIS) * 1000L);
  }

  @Override
  public int compareTo(WindowKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return "(" + uuid + ", " + instant(windowStartMicros) + " .. " + instant(windowEndMicros) + ")";
  }

  private static Instant instant(long epochMicros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000L);
  }
}

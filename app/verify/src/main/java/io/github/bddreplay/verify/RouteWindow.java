package io.github.bddreplay.verify;

import java.time.Instant;

/** How differences name a route window: the car's uuid and the window's start, in UTC. */
final class RouteWindow {
  private RouteWindow() {}

  static String name(String uuid, Long windowStartMicros) {
    return "(" + uuid + ", " + instant(windowStartMicros) + ")";
  }

  /** Epoch microseconds as an ISO-8601 instant, such as 2026-11-24T10:00:15Z; "null" for none. */
  static String instant(Long epochMicros) {
    if (epochMicros == null) {
      return "null";
    }
    return Instant.ofEpochSecond(
            Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000L)
        .toString();
  }
}

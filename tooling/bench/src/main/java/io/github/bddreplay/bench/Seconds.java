package io.github.bddreplay.bench;

import java.time.Duration;
import java.time.Instant;

/** Durations as seconds with millisecond precision, the unit of the result files. */
final class Seconds {
  private Seconds() {}

  static double between(Instant from, Instant to) {
    return of(Duration.between(from, to));
  }

  static double of(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}

package io.github.bddreplay.runners;

import java.util.List;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/** The script the runner tests replay: two keys over three 15 s windows, in event-time order. */
final class ScriptedEvents {
  /** On a 15 s boundary, so the windows are [0 s, 15 s), [15 s, 30 s), [30 s, 45 s) from here. */
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  static final List<TimestampedValue<String>> THREE_WINDOWS =
      List.of(
          at("car-a", 1_000),
          at("car-b", 3_000),
          at("car-a", 6_000),
          at("car-a", 11_000),
          at("car-b", 16_000),
          at("car-a", 19_000),
          at("car-b", 24_000),
          at("car-b", 29_500),
          at("car-a", 31_000),
          at("car-a", 40_000),
          at("car-b", 44_900));

  /** The end of the last window {@link #THREE_WINDOWS} reaches into. */
  static final Instant END_OF_LAST_WINDOW = START.plus(Duration.standardSeconds(45));

  private ScriptedEvents() {}

  private static TimestampedValue<String> at(String key, long millisAfterStart) {
    return TimestampedValue.of(key, START.plus(Duration.millis(millisAfterStart)));
  }
}

package io.github.bddreplay.replayer.synth;

import java.util.Locale;

/** What a generation wrote. */
public record SynthSummary(int cars, int slices, TopicCounts locations, TopicCounts accelerations) {

  public long rows() {
    return locations.rows() + accelerations.rows();
  }

  /** One line for the user, with the throughput of a generation that took {@code seconds}. */
  public String describe(double seconds) {
    return String.format(
        Locale.ROOT,
        "%,d cars, %,d slices; locations: %,d files, %,d rows; accelerations: %,d files, %,d rows;"
            + " %.1f s, %,.0f rows/s",
        cars,
        slices,
        locations.files(),
        locations.rows(),
        accelerations.files(),
        accelerations.rows(),
        seconds,
        rows() / Math.max(seconds, 1e-9));
  }
}

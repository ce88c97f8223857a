package io.github.bddreplay.pipelines.oracle;

import java.util.Set;

/** One firing of a window, as an output row names it: its index and its timing. */
public record Pane(long index, String timing) {
  public static final String EARLY = "EARLY";
  public static final String ON_TIME = "ON_TIME";
  public static final String LATE = "LATE";

  private static final Set<String> TIMINGS = Set.of(EARLY, ON_TIME, LATE);

  public Pane {
    if (index < 0) {
      throw new IllegalArgumentException("pane_index is negative: " + index);
    }
    if (!TIMINGS.contains(timing)) {
      throw new IllegalArgumentException(
          "pane_timing is " + timing + ", not one of " + TIMINGS);
    }
  }

  @Override
  public String toString() {
    return "pane " + index + " " + timing;
  }
}

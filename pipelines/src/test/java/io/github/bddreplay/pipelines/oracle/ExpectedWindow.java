package io.github.bddreplay.pipelines.oracle;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The final windowed result the oracle expects for one route and window.
 *
 * @param rideIds the non-null ride ids among the window's rows, sorted; the pipeline may report
 *     any one of them, and null only when there is none
 * @param meanSpeed mean of the valid speeds ({@code >= 0}), or null when there was none
 * @param fixCount rows with a valid speed
 * @param invalidSpeedCount rows whose speed is null or negative
 */
public record ExpectedWindow(
    WindowKey key, Set<String> rideIds, Double meanSpeed, long fixCount, long invalidSpeedCount) {
  public ExpectedWindow {
    rideIds = Collections.unmodifiableSortedSet(new TreeSet<>(rideIds));
  }

  /** Whether {@code rideId} is an acceptable ride id for this window. */
  public boolean acceptsRideId(String rideId) {
    return rideId == null ? rideIds.isEmpty() : rideIds.contains(rideId);
  }

  @Override
  public String toString() {
    return "ride_id " + (rideIds.isEmpty() ? "null" : "in " + rideIds)
        + ", mean_speed=" + meanSpeed + ", fix_count=" + fixCount
        + ", invalid_speed_count=" + invalidSpeedCount;
  }
}

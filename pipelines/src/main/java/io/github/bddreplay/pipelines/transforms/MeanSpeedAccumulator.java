package io.github.bddreplay.pipelines.transforms;

/**
 * Running mean speed of one route in one window: the sum of valid speeds, how many fixes were
 * valid, how many were not, and the route's ride id.
 *
 * <p>A speed is valid when it is a finite number {@code >= 0}. The phone reports {@code -1} when it
 * does not know the speed; such fixes, nulls and non-finite values are counted as invalid and kept
 * out of the mean.
 *
 * <p>The sum is kept as an unevaluated pair {@code high + low} (a double-double, with Knuth's
 * error-free two-sum), so the mean does not depend on the order in which a runner adds and merges
 * partial sums: it stays within a few ulps of the exactly rounded mean, far inside the 1e-9 a batch
 * computation with a plain double sum of the same rows is compared with.
 *
 * <p>Rows of one route carry the same ride id (or none), so the smallest non-null one is kept: any
 * non-null value would do, and the minimum makes the choice independent of merge order.
 */
public final class MeanSpeedAccumulator {
  private double sumHigh;
  private double sumLow;
  private long fixCount;
  private long invalidSpeedCount;
  private String rideId;

  public MeanSpeedAccumulator() {}

  /** Rebuilds an accumulator from its parts, as its coder stored them. */
  static MeanSpeedAccumulator restore(
      double sumHigh, double sumLow, long fixCount, long invalidSpeedCount, String rideId) {
    MeanSpeedAccumulator restored = new MeanSpeedAccumulator();
    restored.sumHigh = sumHigh;
    restored.sumLow = sumLow;
    restored.fixCount = fixCount;
    restored.invalidSpeedCount = invalidSpeedCount;
    restored.rideId = rideId;
    return restored;
  }

  public static boolean isValidSpeed(Double speed) {
    return speed != null && Double.isFinite(speed) && speed >= 0;
  }

  /** Adds one location fix. */
  public MeanSpeedAccumulator add(Double speed, String fixRideId) {
    if (isValidSpeed(speed)) {
      addToSum(speed);
      fixCount++;
    } else {
      invalidSpeedCount++;
    }
    keepRideId(fixRideId);
    return this;
  }

  /** Adds everything {@code other} has seen; {@code other} is left unchanged. */
  public MeanSpeedAccumulator merge(MeanSpeedAccumulator other) {
    addToSum(other.sumHigh);
    addToSum(other.sumLow);
    fixCount += other.fixCount;
    invalidSpeedCount += other.invalidSpeedCount;
    keepRideId(other.rideId);
    return this;
  }

  /** The mean of the valid speeds, or null when there was none. */
  public Double meanSpeed() {
    return fixCount == 0 ? null : (sumHigh + sumLow) / fixCount;
  }

  /** Whether no fix at all was added, valid or not. */
  public boolean isEmpty() {
    return fixCount == 0 && invalidSpeedCount == 0;
  }

  public long fixCount() {
    return fixCount;
  }

  public long invalidSpeedCount() {
    return invalidSpeedCount;
  }

  public String rideId() {
    return rideId;
  }

  double sumHigh() {
    return sumHigh;
  }

  double sumLow() {
    return sumLow;
  }

  private void addToSum(double value) {
    double sum = sumHigh + value;
    double virtualValue = sum - sumHigh;
    double roundingError = (sumHigh - (sum - virtualValue)) + (value - virtualValue);
    sumHigh = sum;
    sumLow += roundingError;
  }

  private void keepRideId(String candidate) {
    if (candidate != null && (rideId == null || candidate.compareTo(rideId) < 0)) {
      rideId = candidate;
    }
  }
}

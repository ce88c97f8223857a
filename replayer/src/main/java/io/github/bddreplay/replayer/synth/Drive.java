package io.github.bddreplay.replayer.synth;

/**
 * What one car's sensors recorded over its whole drive: an accelerometer sample per step and a GPS
 * fix per second, indexed as in {@link CarPlan}. A car's drive is a few thousand samples, so it is
 * held whole while its files are written, and dropped after.
 */
final class Drive {
  private final int gpsPhase;
  private final double[] x;
  private final double[] y;
  private final double[] z;
  private final double[] latitude;
  private final double[] longitude;
  private final double[] speed;
  private final double[] course;
  private final double[] accuracy;

  Drive(int steps, int gpsPhase) {
    this.gpsPhase = gpsPhase;
    int fixes = steps > gpsPhase ? (steps - 1 - gpsPhase) / CarPlan.STEPS_PER_FIX + 1 : 0;
    x = new double[steps];
    y = new double[steps];
    z = new double[steps];
    latitude = new double[fixes];
    longitude = new double[fixes];
    speed = new double[fixes];
    course = new double[fixes];
    accuracy = new double[fixes];
  }

  boolean isFix(int step) {
    return step >= gpsPhase && (step - gpsPhase) % CarPlan.STEPS_PER_FIX == 0;
  }

  private int fix(int step) {
    if (!isFix(step)) {
      throw new IllegalArgumentException("no GPS fix at step " + step);
    }
    return (step - gpsPhase) / CarPlan.STEPS_PER_FIX;
  }

  void recordAcceleration(int step, double xG, double yG, double zG) {
    x[step] = xG;
    y[step] = yG;
    z[step] = zG;
  }

  void recordFix(
      int step, GeoPoint position, double speedMps, double courseDegrees, double meters) {
    int fix = fix(step);
    latitude[fix] = position.latitude();
    longitude[fix] = position.longitude();
    speed[fix] = speedMps;
    course[fix] = courseDegrees;
    accuracy[fix] = meters;
  }

  double x(int step) {
    return x[step];
  }

  double y(int step) {
    return y[step];
  }

  double z(int step) {
    return z[step];
  }

  double latitude(int step) {
    return latitude[fix(step)];
  }

  double longitude(int step) {
    return longitude[fix(step)];
  }

  /** Meters per second, or -1 when the receiver did not know. */
  double speed(int step) {
    return speed[fix(step)];
  }

  double course(int step) {
    return course[fix(step)];
  }

  double accuracy(int step) {
    return accuracy[fix(step)];
  }
}

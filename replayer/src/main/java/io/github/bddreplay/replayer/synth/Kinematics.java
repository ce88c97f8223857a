package io.github.bddreplay.replayer.synth;

/**
 * The geometry and physics the synthetic drives obey, as pure functions so tests can check the
 * generated data against the same definitions. Bearings and courses are degrees clockwise from
 * north in [0, 360). StrictMath keeps results bit-identical whatever the JIT does, which the
 * byte-identical output depends on.
 */
public final class Kinematics {
  /** Mean Earth radius (IUGG), meters. */
  public static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** Standard gravity, m/s²: accelerometers report multiples of it. */
  public static final double STANDARD_GRAVITY = 9.80665;

  private Kinematics() {}

  /**
   * The point {@code northMeters} north and {@code eastMeters} east of {@code from}, on the local
   * tangent plane: exact to well under a millimeter for the sub-meter steps of a simulation and to
   * centimeters for displacements of a few hundred meters.
   */
  public static GeoPoint offset(GeoPoint from, double northMeters, double eastMeters) {
    double latitude = from.latitude() + StrictMath.toDegrees(northMeters / EARTH_RADIUS_METERS);
    double longitude =
        from.longitude()
            + StrictMath.toDegrees(
                eastMeters
                    / (EARTH_RADIUS_METERS
                        * StrictMath.cos(StrictMath.toRadians(from.latitude()))));
    return new GeoPoint(latitude, longitude);
  }

  /**
   * The point reached by travelling {@code meters} along {@code bearingDegrees} from {@code from}.
   */
  public static GeoPoint move(GeoPoint from, double bearingDegrees, double meters) {
    double bearing = StrictMath.toRadians(bearingDegrees);
    return offset(from, meters * StrictMath.cos(bearing), meters * StrictMath.sin(bearing));
  }

  /** Great-circle (haversine) distance in meters. */
  public static double distanceMeters(GeoPoint a, GeoPoint b) {
    double lat1 = StrictMath.toRadians(a.latitude());
    double lat2 = StrictMath.toRadians(b.latitude());
    double sinHalfDLat = StrictMath.sin((lat2 - lat1) / 2);
    double sinHalfDLon = StrictMath.sin(StrictMath.toRadians(b.longitude() - a.longitude()) / 2);
    double h =
        sinHalfDLat * sinHalfDLat
            + StrictMath.cos(lat1) * StrictMath.cos(lat2) * sinHalfDLon * sinHalfDLon;
    return 2 * EARTH_RADIUS_METERS * StrictMath.asin(StrictMath.min(1, StrictMath.sqrt(h)));
  }

  /** Initial great-circle bearing from {@code from} towards {@code to}, degrees in [0, 360). */
  public static double bearingDegrees(GeoPoint from, GeoPoint to) {
    double lat1 = StrictMath.toRadians(from.latitude());
    double lat2 = StrictMath.toRadians(to.latitude());
    double dLon = StrictMath.toRadians(to.longitude() - from.longitude());
    double y = StrictMath.sin(dLon) * StrictMath.cos(lat2);
    double x =
        StrictMath.cos(lat1) * StrictMath.sin(lat2)
            - StrictMath.sin(lat1) * StrictMath.cos(lat2) * StrictMath.cos(dLon);
    return normalizeDegrees(StrictMath.toDegrees(StrictMath.atan2(y, x)));
  }

  /** The same direction in [0, 360). */
  public static double normalizeDegrees(double degrees) {
    double normalized = degrees % 360;
    if (normalized < 0) {
      normalized += 360;
    }
    // -1e-20 % 360 + 360 rounds to 360.0, which is outside the range.
    return normalized >= 360 ? 0 : normalized;
  }

  /** The smaller angle between two directions, degrees in [0, 180]. */
  public static double angleBetween(double aDegrees, double bDegrees) {
    double difference = normalizeDegrees(aDegrees - bDegrees);
    return difference > 180 ? 360 - difference : difference;
  }

  /**
   * Acceleration along the direction of travel, in g, of a speed change (m/s) over {@code seconds}.
   */
  public static double longitudinalG(double speedChange, double seconds) {
    return speedChange / seconds / STANDARD_GRAVITY;
  }

  /**
   * Centripetal acceleration, in g, of a car at {@code speed} (m/s) turning at {@code
   * yawRateDegreesPerSecond}; positive for right turns (course increasing).
   */
  public static double lateralG(double speed, double yawRateDegreesPerSecond) {
    return speed * StrictMath.toRadians(yawRateDegreesPerSecond) / STANDARD_GRAVITY;
  }
}

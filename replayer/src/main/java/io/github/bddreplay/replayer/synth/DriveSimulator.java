package io.github.bddreplay.replayer.synth;

import java.util.SplittableRandom;

/**
 * Simulates a car and the phone recording it. The car follows a sequence of segments (stop at a
 * light, cruise, slow turn), reaching each segment's target speed with bounded, smoothly changing
 * acceleration; its position advances with speed and heading, so GPS fixes, speeds and courses
 * agree with each other and the accelerometer's longitudinal axis integrates to the speed changes.
 *
 * <p>Calibrated on the real data set: starts in New York City (4 in 5 cars) or the Bay Area; speeds
 * 0 to 30 m/s, median around 8 m/s (real: 6) with many stops; accelerations -3.5 to 2.5 m/s²; turns
 * up to ~25°/s and 3.5 m/s² sideways; accuracy 10 m (5 m for a fifth of the cars, 30 m for 2.5% of
 * the fixes); speed -1 ("unknown") in 0.5% of the fixes; gravity on the x axis (-1 g for 70% of the
 * phones, +1 g for the others), braking and accelerating on z, cornering on y, values to the
 * milli-g. Speed and course are single precision, as the phones stored them.
 */
final class DriveSimulator {
  private static final double DT = CarPlan.SAMPLE_SECONDS;

  private static final double NEW_YORK_SHARE = 0.8;
  private static final double STANDING_START_SHARE = 0.3;

  private static final double SPEED_GAIN_PER_SECOND = 0.5;
  private static final double MAX_BRAKING = -3.5;
  private static final double MAX_ACCELERATION = 2.5;

  /** Time constant of acceleration changes: drivers do not jerk from 0 to full throttle. */
  private static final double ACCELERATION_LAG_SECONDS = 0.8;

  /** Below this speed a car cannot turn at its full yaw rate. */
  private static final double FULL_STEERING_SPEED = 3;

  private static final double MAX_LATERAL_ACCELERATION = 3.5;

  private static final double GPS_NOISE_METERS = 0.4;
  private static final double COURSE_NOISE_DEGREES = 0.3;
  private static final double MOVING_SPEED = 0.3;
  private static final double UNKNOWN_SPEED_PROBABILITY = 0.005;
  private static final double PRECISE_RECEIVER_SHARE = 0.2;
  private static final double DEGRADED_FIX_PROBABILITY = 0.025;

  private static final double GRAVITY_NEGATIVE_SHARE = 0.7;
  private static final double STILL_NOISE_G = 0.004;
  private static final double NOISE_G_PER_MPS = 0.0015;

  private DriveSimulator() {}

  static Drive simulate(CarPlan plan) {
    SplittableRandom random = new SplittableRandom(plan.driveSeed());
    Phone phone = Phone.draw(random);
    GeoPoint position = startPoint(random);
    double heading = random.nextDouble(360);
    double speed = random.nextDouble() < STANDING_START_SHARE ? 0 : random.nextDouble(5, 25);
    double acceleration = 0;
    Segment segment = Segment.draw(random);
    double segmentLeft = segment.seconds();

    Drive drive = new Drive(plan.steps(), plan.gpsPhase());
    for (int step = 0; step < plan.steps(); step++) {
      if (segmentLeft <= 0) {
        segment = Segment.draw(random);
        segmentLeft = segment.seconds();
      }
      double commanded =
          clamp(
              SPEED_GAIN_PER_SECOND * (segment.targetSpeed() - speed),
              MAX_BRAKING,
              MAX_ACCELERATION);
      acceleration += (commanded - acceleration) * DT / ACCELERATION_LAG_SECONDS;
      double nextSpeed = Math.max(0, speed + acceleration * DT);
      if (nextSpeed == 0) {
        acceleration = Math.max(0, acceleration);
      }
      double yawRate = yawRate(segment, speed);

      drive.recordAcceleration(
          step,
          phone.read(phone.gravity(), speed, random),
          phone.read(Kinematics.lateralG(speed, yawRate) + phone.biasY(), speed, random),
          phone.read(
              Kinematics.longitudinalG(nextSpeed - speed, DT) + phone.biasZ(), speed, random));
      if (drive.isFix(step)) {
        recordFix(drive, step, position, speed, heading, phone, random);
      }

      position =
          Kinematics.move(position, heading + yawRate * DT / 2, (speed + nextSpeed) / 2 * DT);
      heading = Kinematics.normalizeDegrees(heading + yawRate * DT);
      speed = nextSpeed;
      segmentLeft -= DT;
    }
    return drive;
  }

  private static void recordFix(
      Drive drive,
      int step,
      GeoPoint position,
      double speed,
      double heading,
      Phone phone,
      SplittableRandom random) {
    // A standing receiver repeats its position, as in the real data.
    double noise = speed > MOVING_SPEED ? GPS_NOISE_METERS : 0;
    GeoPoint reported =
        Kinematics.offset(position, noise * random.nextGaussian(), noise * random.nextGaussian());
    double reportedSpeed =
        random.nextDouble() < UNKNOWN_SPEED_PROBABILITY ? -1 : (double) (float) speed;
    double course =
        Kinematics.normalizeDegrees(
            (float) (heading + COURSE_NOISE_DEGREES * random.nextGaussian()));
    double accuracy = random.nextDouble() < DEGRADED_FIX_PROBABILITY ? 30 : phone.accuracyMeters();
    drive.recordFix(step, reported, reportedSpeed, course, accuracy);
  }

  /**
   * The segment's yaw rate, reduced at walking pace (a car cannot turn in place) and at speed (a
   * driver takes a wider curve rather than exceed {@link #MAX_LATERAL_ACCELERATION}).
   */
  private static double yawRate(Segment segment, double speed) {
    double wanted = segment.yawRate() * Math.min(1, speed / FULL_STEERING_SPEED);
    double comfortable = StrictMath.toDegrees(MAX_LATERAL_ACCELERATION / Math.max(speed, 1));
    return Math.max(-comfortable, Math.min(comfortable, wanted));
  }

  private static GeoPoint startPoint(SplittableRandom random) {
    return random.nextDouble() < NEW_YORK_SHARE
        ? new GeoPoint(random.nextDouble(40.60, 40.92), random.nextDouble(-74.05, -73.72))
        : new GeoPoint(random.nextDouble(37.52, 37.81), random.nextDouble(-122.40, -122.18));
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /**
   * One stretch of driving: heading for {@code targetSpeed} (m/s) while turning at {@code yawRate}
   * (degrees per second, positive to the right).
   */
  private record Segment(double targetSpeed, double yawRate, double seconds) {
    static Segment draw(SplittableRandom random) {
      double kind = random.nextDouble();
      if (kind < 0.2) {
        return new Segment(0, 0, random.nextDouble(4, 15));
      }
      if (kind < 0.4) {
        double seconds = random.nextDouble(4, 8);
        double angle = random.nextDouble(70, 110) * (random.nextBoolean() ? 1 : -1);
        return new Segment(random.nextDouble(4, 9), angle / seconds, seconds);
      }
      double target =
          random.nextDouble() < 0.25 ? random.nextDouble(20, 30) : random.nextDouble(3, 20);
      return new Segment(target, 0.8 * random.nextGaussian(), random.nextDouble(5, 14));
    }
  }

  /** How a phone sits in its car, and how good its sensors are. */
  private record Phone(double gravity, double biasY, double biasZ, double accuracyMeters) {
    static Phone draw(SplittableRandom random) {
      double gravitySign = random.nextDouble() < GRAVITY_NEGATIVE_SHARE ? -1 : 1;
      return new Phone(
          gravitySign * (1 + 0.005 * random.nextGaussian()),
          0.02 * random.nextGaussian(),
          0.02 * random.nextGaussian(),
          random.nextDouble() < PRECISE_RECEIVER_SHARE ? 5 : 10);
    }

    /** A reading of {@code trueG} with vibration noise growing with speed, to the milli-g. */
    double read(double trueG, double speed, SplittableRandom random) {
      double noisy = trueG + (STILL_NOISE_G + NOISE_G_PER_MPS * speed) * random.nextGaussian();
      return StrictMath.rint(noisy * 1000) / 1000;
    }
  }
}

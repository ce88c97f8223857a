package io.github.bddreplay.replayer.synth;

import io.github.bddreplay.contract.SliceTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * When one car drives and which stretches of its drive the slices hold, decided before any row is
 * simulated so that slices missing a topic can be found up front.
 *
 * <p>A drive is simulated in steps of {@link #SAMPLE_SECONDS} (the accelerometer's 50 Hz); step
 * {@code i} happens at offset {@code startOffset + i * SAMPLE_SECONDS}. The GPS fixes once a
 * second, at the steps {@code i} with {@code i % STEPS_PER_FIX == gpsPhase}.
 *
 * <p>Calibrated on the real data set: drives last 35 to 41 s; a slice holds a car's samples over a
 * window that opens within [-0.045, +0.06] s of the slice time and stays open about 1.15 s (0.6 to
 * 1.62 s), so a car has 0 to 2 fixes and ~60 samples per slice; 1.5% of the windows lose their
 * acceleration file.
 */
public record CarPlan(
    CarIdentity identity,
    double startOffset,
    int steps,
    int gpsPhase,
    List<SliceWindow> windows,
    long driveSeed) {
  public static final double SAMPLE_SECONDS = 0.02;
  public static final int STEPS_PER_FIX = 50;

  static final double MIN_DRIVE_SECONDS = 35;
  static final double MAX_DRIVE_SECONDS = 41;
  static final double WINDOW_OPENS_EARLIEST = -0.045;
  static final double WINDOW_OPENS_LATEST = 0.06;
  static final double WINDOW_MEAN_SECONDS = 1.15;
  static final double WINDOW_SPREAD_SECONDS = 0.27;
  static final double WINDOW_MIN_SECONDS = 0.6;
  static final double WINDOW_MAX_SECONDS = 1.62;
  static final double DROPPED_ACCELERATIONS_PROBABILITY = 0.015;

  public CarPlan {
    windows = List.copyOf(windows);
  }

  /**
   * Draws a car's identity, its drive within [0, durationSeconds] and its windows in the slices of
   * {@code schedule}.
   */
  static CarPlan draw(List<SliceTime> schedule, double durationSeconds, SplittableRandom random) {
    CarIdentity identity = CarIdentity.draw(random);
    // Short recordings (tests) still get cars that start and end at different times.
    double length =
        Math.min(
            random.nextDouble(MIN_DRIVE_SECONDS, MAX_DRIVE_SECONDS),
            durationSeconds * random.nextDouble(0.6, 1.0));
    int steps = (int) (length / SAMPLE_SECONDS) + 1;
    double start = random.nextDouble() * (durationSeconds - (steps - 1) * SAMPLE_SECONDS);
    int gpsPhase = random.nextInt(STEPS_PER_FIX);
    List<SliceWindow> windows = new ArrayList<>();
    for (SliceTime time : schedule) {
      // Drawn for every slice, used or not, so each value depends on the seed alone.
      double opens = time.seconds() + random.nextDouble(WINDOW_OPENS_EARLIEST, WINDOW_OPENS_LATEST);
      double windowLength = WINDOW_MEAN_SECONDS + WINDOW_SPREAD_SECONDS * random.nextGaussian();
      double closes =
          opens + Math.max(WINDOW_MIN_SECONDS, Math.min(WINDOW_MAX_SECONDS, windowLength));
      boolean dropped = random.nextDouble() < DROPPED_ACCELERATIONS_PROBABILITY;
      int first = (int) Math.max(0, StrictMath.ceil((opens - start) / SAMPLE_SECONDS));
      int last = (int) Math.min(steps - 1, StrictMath.floor((closes - start) / SAMPLE_SECONDS));
      if (first <= last) {
        windows.add(new SliceWindow(time, first, last, dropped));
      }
    }
    return new CarPlan(identity, start, steps, gpsPhase, windows, random.nextLong());
  }

  /** The offset (seconds since the recording started) of a step. */
  public double offset(int step) {
    return startOffset + step * SAMPLE_SECONDS;
  }

  /** The timestamp column of a step: epoch seconds of the recording, like the real data. */
  public long timestamp(int step) {
    return identity.recordingEpochSeconds() + (long) (step * SAMPLE_SECONDS);
  }

  /** The same plan with the windows outside {@code slices} left out. */
  CarPlan keepingOnly(Set<SliceTime> slices) {
    return new CarPlan(
        identity,
        startOffset,
        steps,
        gpsPhase,
        windows.stream().filter(w -> slices.contains(w.time())).toList(),
        driveSeed);
  }
}

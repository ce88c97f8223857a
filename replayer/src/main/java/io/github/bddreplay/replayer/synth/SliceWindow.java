package io.github.bddreplay.replayer.synth;

import io.github.bddreplay.contract.SliceTime;

/**
 * The stretch of one drive that one slice holds: the 50 Hz samples from {@code firstStep} to {@code
 * lastStep} inclusive (see {@link CarPlan}), and the GPS fixes among them.
 *
 * @param accelerationsDropped true when the slice lacks this car's acceleration file although it
 *     has samples, the real data's occasional gap between topics
 */
public record SliceWindow(
    SliceTime time, int firstStep, int lastStep, boolean accelerationsDropped) {

  /** The first step holding a GPS fix, or a step after {@code lastStep} when there is none. */
  int firstFixStep(int gpsPhase) {
    return firstStep + Math.floorMod(gpsPhase - firstStep, CarPlan.STEPS_PER_FIX);
  }

  boolean hasLocations(int gpsPhase) {
    return firstFixStep(gpsPhase) <= lastStep;
  }

  boolean hasAccelerations() {
    return !accelerationsDropped;
  }
}

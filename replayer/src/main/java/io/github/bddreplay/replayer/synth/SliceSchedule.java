package io.github.bddreplay.replayer.synth;

import io.github.bddreplay.contract.SliceTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When slices are recorded. The real data set has a slice every 2.8 to 4.8 s (mean 3.7 s), starting
 * at t=000.0, and both topics share the slice times.
 */
public final class SliceSchedule {
  static final int MIN_SPACING_TENTHS = 28;
  static final int MAX_SPACING_TENTHS = 48;

  private SliceSchedule() {}

  /** Slice times from 0 up to (excluding) {@code durationSeconds}, spaced at random. */
  public static List<SliceTime> draw(double durationSeconds, SplittableRandom random) {
    List<SliceTime> times = new ArrayList<>();
    long end = (long) StrictMath.ceil(durationSeconds * 10);
    for (long tenths = 0;
        tenths < end;
        tenths += random.nextInt(MIN_SPACING_TENTHS, MAX_SPACING_TENTHS + 1)) {
      times.add(new SliceTime(tenths));
    }
    return times;
  }
}

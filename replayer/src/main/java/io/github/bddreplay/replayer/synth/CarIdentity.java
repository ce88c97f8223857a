package io.github.bddreplay.replayer.synth;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The identifying columns of one drive, constant over all its rows in both topics. As in the real
 * data: {@code uuid} and {@code ride_id} are 32 hex digits; {@code id} is another 32-hex value
 * (never equal to ride_id) that is missing for about a third of the cars; {@code filename} names
 * the video, a dashed UUID plus ".mov"; {@code timestamp} counts epoch seconds of the recording
 * (spring to autumn 2017), which the replayer later overwrites.
 *
 * @param id the id column, or null
 */
public record CarIdentity(
    String uuid, String rideId, String id, String filename, long recordingEpochSeconds) {
  static final double MISSING_ID_PROBABILITY = 0.3;
  private static final long FIRST_RECORDING = 1_489_000_000L;
  private static final long RECORDING_SPAN_SECONDS = 18_500_000L;

  static CarIdentity draw(SplittableRandom random) {
    String uuid = hex32(random);
    String rideId = hex32(random);
    String id = random.nextDouble() < MISSING_ID_PROBABILITY ? null : hex32(random);
    return new CarIdentity(
        uuid,
        rideId,
        id,
        randomUuid(random) + ".mov",
        FIRST_RECORDING + random.nextLong(RECORDING_SPAN_SECONDS));
  }

  private static String hex32(SplittableRandom random) {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  /**
   * A version-4 UUID, drawn from {@code random} instead of a secure source so it is reproducible.
   */
  private static UUID randomUuid(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}

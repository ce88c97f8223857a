package io.github.bddreplay.replayer.replay;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Which files are published late, and by how much. A file's fate depends only on the seed and the
 * file's own identity (topic, slice, name), never on the order files are visited in, so the same
 * seed gives the same late files on every run.
 */
public final class DisorderPlan {
  public static final DisorderPlan NONE = new DisorderPlan(0, 0, 0);

  private final long seed;
  private final double lateFraction;
  private final double maxDelaySeconds;

  public DisorderPlan(long seed, double lateFraction, double maxDelaySeconds) {
    if (!(lateFraction >= 0 && lateFraction <= 1)) {
      throw new IllegalArgumentException("late fraction must be within [0, 1]: " + lateFraction);
    }
    if (!(maxDelaySeconds >= 0) || Double.isInfinite(maxDelaySeconds)) {
      throw new IllegalArgumentException(
          "max delay must be a non-negative number of seconds: " + maxDelaySeconds);
    }
    this.seed = seed;
    this.lateFraction = lateFraction;
    this.maxDelaySeconds = maxDelaySeconds;
  }

  public long seed() {
    return seed;
  }

  public double lateFraction() {
    return lateFraction;
  }

  public double maxDelaySeconds() {
    return maxDelaySeconds;
  }

  /**
   * Seconds of replay time by which the file is published after it is due: 0 for most files; for a
   * fraction {@code lateFraction} of them a delay drawn uniformly from (0, maxDelay].
   */
  public double delaySeconds(String topic, String slice, String fileName, int loop) {
    if (lateFraction == 0 || maxDelaySeconds == 0) {
      return 0;
    }
    SplittableRandom random =
        new SplittableRandom(seed ^ fingerprint(topic, slice, fileName, loop));
    if (random.nextDouble() >= lateFraction) {
      return 0;
    }
    return maxDelaySeconds * (1 - random.nextDouble());
  }

  /** A 64-bit FNV-1a hash: stable across JVMs, unlike String.hashCode's 32 bits. */
  private static long fingerprint(String topic, String slice, String fileName, int loop) {
    long hash = 0xcbf29ce484222325L;
    for (byte b :
        (topic + '/' + slice + '/' + fileName + '#' + loop).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}

package io.github.bddreplay.pipelines.source;

/**
 * The watermark the data read so far allow, by the rule {@link SensorFilesReader#getWatermark}
 * follows while the stream runs: the latest event time read minus the watermark delay, never
 * decreasing. For tools that derive from a replay's files the earliest moment the source could
 * reach a watermark (the bench's lag figures, the run report's chart).
 */
public final class DataWatermark {
  /** No event time read yet: no watermark. */
  public static final long NONE = Long.MIN_VALUE;

  private DataWatermark() {}

  /**
   * The watermark after each file, in reading order.
   *
   * @param latestEventMillis the latest event time of each file, {@link #NONE} for a file without
   * @return per file, the watermark once it was read, {@link #NONE} until some file had an event
   *     time
   */
  public static long[] afterEach(long[] latestEventMillis, long delayMillis) {
    long[] watermark = new long[latestEventMillis.length];
    long latest = NONE;
    for (int i = 0; i < latestEventMillis.length; i++) {
      latest = Math.max(latest, latestEventMillis[i]);
      watermark[i] = latest == NONE ? NONE : latest - delayMillis;
    }
    return watermark;
  }
}

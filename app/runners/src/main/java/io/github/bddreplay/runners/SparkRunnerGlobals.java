package io.github.bddreplay.runners;

import java.lang.reflect.Field;
import org.apache.beam.runners.spark.io.MicrobatchSource;
import org.apache.beam.runners.spark.metrics.MetricsAccumulator;
import org.apache.beam.runners.spark.translation.SparkContextFactory;
import org.apache.beam.runners.spark.util.GlobalWatermarkHolder;

/**
 * The JVM-wide state Beam's Spark runner keeps in static fields, which outlives a Spark context and
 * leaks into the next run in the same JVM (the next test) unless cleared:
 *
 * <ul>
 *   <li>{@link GlobalWatermarkHolder}: the last run's watermarks, keyed by input stream id, and ids
 *       restart at 0 with every streaming context. A second run would start with the first run's
 *       +infinity watermark and drop every element as late.
 *   <li>{@link MetricsAccumulator}: the accumulator stays registered with the first (stopped)
 *       context, so the next run's counters would not reach the driver.
 *   <li>{@link MicrobatchSource}'s reader cache, keyed by (stream id, split): a run started within
 *       1.5 batch intervals of the last one could pick up the previous run's reader, already at end
 *       of stream. Invalidating also closes the readers.
 *   <li>{@link SparkContextFactory}'s provided context.
 * </ul>
 *
 * Beam's own {@code TestSparkRunner} clears the first two the same way.
 */
final class SparkRunnerGlobals {
  private SparkRunnerGlobals() {}

  /** Before creating a context: start from a clean slate whatever ran before in this JVM. */
  static void clearBeforeRun() {
    MetricsAccumulator.clear();
    GlobalWatermarkHolder.clear();
    clearReaderCache();
  }

  /**
   * After the streaming context stopped and before the Spark context stops ({@link
   * GlobalWatermarkHolder#clear()} removes its block through the live block manager).
   */
  static void clearAfterRun() {
    GlobalWatermarkHolder.clear();
    clearReaderCache();
    SparkContextFactory.clearProvidedSparkContext();
    MetricsAccumulator.clear();
  }

  private static void clearReaderCache() {
    // The cache is created by the first micro-batch read in this JVM, and clearCache() does not
    // expect it to be missing.
    if (readerCacheExists()) {
      MicrobatchSource.clearCache();
    }
  }

  private static boolean readerCacheExists() {
    try {
      Field cache = MicrobatchSource.class.getDeclaredField("readerCache");
      cache.setAccessible(true);
      return cache.get(null) != null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Beam's MicrobatchSource no longer has the static readerCache this class clears (written"
              + " against Beam 2.70.0); check what replaced it",
          e);
    }
  }
}

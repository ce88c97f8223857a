package io.github.bddreplay.replayer.synth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * What a synthetic data set looks like: how many cars, how long the recording lasts, the seed that
 * fixes every drawn value, and the compression of the files. Equal configurations give
 * byte-identical data sets.
 *
 * @param cars number of drives, each with its own car uuid
 * @param durationSeconds length of the recording; every row's offset lies in [0, durationSeconds]
 * @param seed seed of all randomness
 * @param codec Parquet compression (the real data uses GZIP)
 */
public record SynthConfig(int cars, double durationSeconds, long seed, CompressionCodecName codec) {
  /** The codecs whose implementations ship with the replayer (LZO, BROTLI and LZ4 need extras). */
  public static final Set<CompressionCodecName> SUPPORTED_CODECS =
      EnumSet.of(
          CompressionCodecName.UNCOMPRESSED,
          CompressionCodecName.SNAPPY,
          CompressionCodecName.GZIP,
          CompressionCodecName.ZSTD,
          CompressionCodecName.LZ4_RAW);

  /** A day: the real recordings last two minutes, and a day's schedule still fits in memory. */
  public static final double MAX_DURATION_SECONDS = 86_400;

  /**
   * The project's default data set, {@code data/synthetic}. Declared after the constants that the
   * constructor checks it against, which must be initialized first.
   */
  public static final SynthConfig DEFAULT = new SynthConfig(40, 120, 42, CompressionCodecName.GZIP);

  public SynthConfig {
    if (cars <= 0) {
      throw new IllegalArgumentException("the number of cars must be positive, was " + cars);
    }
    if (!(durationSeconds > 0 && durationSeconds <= MAX_DURATION_SECONDS)) {
      throw new IllegalArgumentException(
          "the duration must be a positive number of seconds up to "
              + (long) MAX_DURATION_SECONDS
              + ", was "
              + durationSeconds);
    }
    Objects.requireNonNull(codec, "codec");
    if (!SUPPORTED_CODECS.contains(codec)) {
      throw new IllegalArgumentException(
          "the codec " + codec + " is not available; use one of " + SUPPORTED_CODECS);
    }
  }

  /** One line naming the parameters, for messages. */
  public String describe() {
    return String.format(
        Locale.ROOT, "%d cars, %s s, seed %d, %s", cars, trim(durationSeconds), seed, codec);
  }

  private static String trim(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }
}

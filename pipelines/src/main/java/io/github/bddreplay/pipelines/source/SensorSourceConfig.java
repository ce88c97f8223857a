package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * How the sensor input is read: where from, continuously or once, how often the folder is listed,
 * how far the watermark trails the data, when to give up waiting, where bad files are reported, the
 * windowing the pipelines apply (it decides which rows are too late), and how many rows the
 * continuous source delivers per element.
 */
public final class SensorSourceConfig implements Serializable {
  // Fields are set only while a copy is made (see with); a configuration never changes once built.
  /** Dead-letter entries go here, under the input root, unless another folder is given. */
  public static final String DEFAULT_ERRORS_FOLDER = "_errors";

  /** Rows that came after their window's lateness go here, unless another folder is given. */
  public static final String DEFAULT_LATE_FOLDER = "_late";

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.millis(250);

  /**
   * Rows of one slice span about 1.6 s of event time, and the two topics' files of a slice are
   * published in either order: 5 s keeps every row of the slice being read, and of the one before,
   * ahead of the watermark.
   */
  public static final Duration DEFAULT_WATERMARK_DELAY = Duration.standardSeconds(5);

  /**
   * Rows per element of the continuous source. Runners pay per element and per bundle (the
   * DirectRunner reads at most 10 elements of an unbounded source per bundle), so one element
   * should hold a whole file: a replayed slice of the BDD data set has about 700 acceleration rows
   * in one file (a source file per car, about 60).
   */
  public static final int DEFAULT_MAX_ROWS_PER_ELEMENT = 1000;

  /** Several micro-batches of the embedded Spark (500 ms each); see SensorFilesReader#drained. */
  public static final Duration DEFAULT_END_OF_STREAM_HOLD = Duration.standardSeconds(3);

  private String inputDir;
  private boolean streaming = true;
  private @Nullable String errorsDir;
  private @Nullable String lateDir;
  private Duration pollInterval = DEFAULT_POLL_INTERVAL;
  private Duration watermarkDelay = DEFAULT_WATERMARK_DELAY;
  private @Nullable Duration idleTimeout;
  private WindowingSpec windowing = WindowingSpec.DEFAULT;
  private Duration endOfStreamHold = DEFAULT_END_OF_STREAM_HOLD;
  private int maxRowsPerElement = DEFAULT_MAX_ROWS_PER_ELEMENT;
  private int maxSplits = 1;

  private SensorSourceConfig(String inputDir) {
    this.inputDir = Objects.requireNonNull(inputDir, "inputDir");
  }

  /**
   * Continuous reading of {@code inputDir} with the defaults: poll every 250 ms, watermark 5 s
   * behind the data, no idle timeout, dead letters in {@code <inputDir>/_errors}, late rows in
   * {@code <inputDir>/_late}, the default windowing, up to 1000 rows per element, one split.
   */
  public static SensorSourceConfig continuous(String inputDir) {
    return new SensorSourceConfig(inputDir);
  }

  /** The configuration the options ask for, continuous or once. */
  public static SensorSourceConfig fromOptions(
      SensorSourceOptions options, boolean streaming, WindowingSpec windowing) {
    long idleSeconds = options.getIdleTimeoutSeconds();
    return continuous(options.getInputDir())
        .withStreaming(streaming)
        .withErrorsDir(options.getErrorsDir())
        .withLateDir(options.getLateDir())
        .withPollInterval(Duration.millis(options.getPollIntervalMillis()))
        .withWatermarkDelay(Duration.millis(options.getWatermarkDelayMillis()))
        .withIdleTimeout(idleSeconds > 0 ? Duration.standardSeconds(idleSeconds) : null)
        .withWindowing(windowing)
        .withEndOfStreamHold(Duration.millis(options.getEndOfStreamHoldMillis()))
        .withMaxRowsPerElement(options.getMaxRowsPerElement())
        .withMaxSplits(options.getSourceSplits());
  }

  /** A copy of this configuration with one setting changed by {@code change}. */
  private SensorSourceConfig with(Consumer<SensorSourceConfig> change) {
    SensorSourceConfig copy = new SensorSourceConfig(inputDir);
    copy.streaming = streaming;
    copy.errorsDir = errorsDir;
    copy.lateDir = lateDir;
    copy.pollInterval = pollInterval;
    copy.watermarkDelay = watermarkDelay;
    copy.idleTimeout = idleTimeout;
    copy.windowing = windowing;
    copy.endOfStreamHold = endOfStreamHold;
    copy.maxRowsPerElement = maxRowsPerElement;
    copy.maxSplits = maxSplits;
    change.accept(copy);
    return copy;
  }

  /** {@code false}: read what the folder holds once, as bounded input. */
  public SensorSourceConfig withStreaming(boolean streaming) {
    return with(c -> c.streaming = streaming);
  }

  /** Where dead-letter entries go; null for the default {@code <inputDir>/_errors}. */
  public SensorSourceConfig withErrorsDir(@Nullable String errorsDir) {
    return with(c -> c.errorsDir = errorsDir);
  }

  /**
   * Where rows too late for their window are written; null for the default {@code
   * <inputDir>/_late}.
   */
  public SensorSourceConfig withLateDir(@Nullable String lateDir) {
    return with(c -> c.lateDir = lateDir);
  }

  public SensorSourceConfig withPollInterval(Duration pollInterval) {
    if (pollInterval.getMillis() <= 0) {
      throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
    }
    return with(c -> c.pollInterval = pollInterval);
  }

  public SensorSourceConfig withWatermarkDelay(Duration watermarkDelay) {
    if (watermarkDelay.getMillis() < 0) {
      throw new IllegalArgumentException("watermark delay must not be negative: " + watermarkDelay);
    }
    return with(c -> c.watermarkDelay = watermarkDelay);
  }

  /**
   * No new file for this long ends the stream as the end-of-stream marker does; null: wait forever.
   */
  public SensorSourceConfig withIdleTimeout(@Nullable Duration idleTimeout) {
    if (idleTimeout != null && idleTimeout.getMillis() <= 0) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
    }
    return with(c -> c.idleTimeout = idleTimeout);
  }

  public SensorSourceConfig withWindowing(WindowingSpec windowing) {
    Objects.requireNonNull(windowing, "windowing");
    return with(c -> c.windowing = windowing);
  }

  /**
   * How long, once every file is read, the watermark stays at the end of the last window before it
   * moves to the end of time.
   */
  public SensorSourceConfig withEndOfStreamHold(Duration endOfStreamHold) {
    if (endOfStreamHold.getMillis() < 0) {
      throw new IllegalArgumentException(
          "end-of-stream hold must not be negative: " + endOfStreamHold);
    }
    return with(c -> c.endOfStreamHold = endOfStreamHold);
  }

  /**
   * How many rows of one file the continuous source puts into one element at most. Rows are
   * delivered and checkpointed by element, so a checkpoint mark never falls inside an element.
   */
  public SensorSourceConfig withMaxRowsPerElement(int maxRowsPerElement) {
    if (maxRowsPerElement <= 0) {
      throw new IllegalArgumentException(
          "max rows per element must be positive: " + maxRowsPerElement);
    }
    return with(c -> c.maxRowsPerElement = maxRowsPerElement);
  }

  /**
   * Into how many readers the continuous source may split at most (see {@link
   * SensorFilesSource#split}); 1 keeps one reader for all files.
   */
  public SensorSourceConfig withMaxSplits(int maxSplits) {
    if (maxSplits <= 0) {
      throw new IllegalArgumentException("source splits must be positive: " + maxSplits);
    }
    return with(c -> c.maxSplits = maxSplits);
  }

  public String inputDir() {
    return inputDir;
  }

  public boolean streaming() {
    return streaming;
  }

  /** The dead-letter folder: the one given, or {@code _errors} under the input root. */
  public String errorsDir() {
    return errorsDir != null ? errorsDir : underInput(DEFAULT_ERRORS_FOLDER);
  }

  /** The late-data folder: the one given, or {@code _late} under the input root. */
  public String lateDir() {
    return lateDir != null ? lateDir : underInput(DEFAULT_LATE_FOLDER);
  }

  private String underInput(String folder) {
    return inputDir.endsWith("/") ? inputDir + folder : inputDir + "/" + folder;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public Duration watermarkDelay() {
    return watermarkDelay;
  }

  public Optional<Duration> idleTimeout() {
    return Optional.ofNullable(idleTimeout);
  }

  public WindowingSpec windowing() {
    return windowing;
  }

  public Duration endOfStreamHold() {
    return endOfStreamHold;
  }

  public int maxRowsPerElement() {
    return maxRowsPerElement;
  }

  public int maxSplits() {
    return maxSplits;
  }

  @Override
  public String toString() {
    return (streaming ? "continuous" : "bounded")
        + " reading of "
        + inputDir
        + " (poll every "
        + pollInterval
        + ", watermark delay "
        + watermarkDelay
        + ", idle timeout "
        + (idleTimeout == null ? "none" : idleTimeout)
        + ", up to "
        + maxRowsPerElement
        + " rows per element"
        + (maxSplits > 1 ? ", up to " + maxSplits + " splits" : "")
        + ", dead letters in "
        + errorsDir()
        + ", late rows in "
        + lateDir()
        + ")";
  }
}

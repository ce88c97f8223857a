package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.Topic;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The counters the sensor source reports, under one namespace so that a driver can query them from
 * a {@link org.apache.beam.sdk.PipelineResult}: rows delivered, rows it had to leave out and why,
 * bad files, and whether the end of the stream has been reached.
 */
public final class SensorSourceMetrics {
  public static final String NAMESPACE = "bdd-source";

  /** Rows delivered downstream; {@code rowsRead.<topic>} counts them per topic. */
  public static final String ROWS_READ = "rowsRead";

  /**
   * Files read to their end (whether or not they held rows); {@code filesRead.<topic>} counts them
   * per topic.
   */
  public static final String FILES_READ = "filesRead";

  /** Files that could not be read, or not to their end; each has a dead-letter entry. */
  public static final String BAD_FILES = "badFiles";

  /** Rows without a usable timestamp: they cannot be placed in event time. */
  public static final String ROWS_WITHOUT_EVENT_TIME = "rowsWithoutEventTime";

  /**
   * Rows without {@code uuid}: delivered (simple keeps them), but they belong to no route, so
   * windowed and stream-joined leave them out; each file holding some has a row-level dead letter.
   */
  public static final String ROWS_WITHOUT_UUID = "rowsWithoutUuid";

  /** Rows whose window was already closed for the watermark the source had reported. */
  public static final String TOO_LATE_ROWS = "tooLateRows";

  /**
   * Readers the runner created from a checkpoint mark rather than reusing the one it had (the Spark
   * runner when its reader cache misses, the DirectRunner at random).
   */
  public static final String READER_RESTORES = "readerRestores";

  /** 1 once the continuous source has read everything and set its watermark to the end of time. */
  public static final String END_OF_STREAM = "endOfStream";

  private static final Counter ROWS_READ_COUNTER = Metrics.counter(NAMESPACE, ROWS_READ);
  private static final Counter FILES_READ_COUNTER = Metrics.counter(NAMESPACE, FILES_READ);
  static final Counter BAD_FILES_COUNTER = Metrics.counter(NAMESPACE, BAD_FILES);
  static final Counter ROWS_WITHOUT_EVENT_TIME_COUNTER =
      Metrics.counter(NAMESPACE, ROWS_WITHOUT_EVENT_TIME);
  static final Counter ROWS_WITHOUT_UUID_COUNTER = Metrics.counter(NAMESPACE, ROWS_WITHOUT_UUID);
  static final Counter TOO_LATE_ROWS_COUNTER = Metrics.counter(NAMESPACE, TOO_LATE_ROWS);
  static final Counter READER_RESTORES_COUNTER = Metrics.counter(NAMESPACE, READER_RESTORES);
  static final Counter END_OF_STREAM_COUNTER = Metrics.counter(NAMESPACE, END_OF_STREAM);

  private SensorSourceMetrics() {}

  /** The name of {@code counter} ({@link #ROWS_READ}, {@link #FILES_READ}) for one topic. */
  public static String perTopic(String counter, Topic topic) {
    return counter + "." + topic.folderName();
  }

  static void rowsRead(Topic topic, long rows) {
    ROWS_READ_COUNTER.inc(rows);
    Metrics.counter(NAMESPACE, perTopic(ROWS_READ, topic)).inc(rows);
  }

  static void fileRead(Topic topic) {
    FILES_READ_COUNTER.inc();
    Metrics.counter(NAMESPACE, perTopic(FILES_READ, topic)).inc();
  }
}

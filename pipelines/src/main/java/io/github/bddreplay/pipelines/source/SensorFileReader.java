package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.InputFile;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one sensor file, projected onto its topic's canonical schema and placed in event
 * time. Both the continuous and the bounded reading go through this class, so they agree on which
 * files are bad, which rows are skipped and how rows look.
 */
final class SensorFileReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SensorFileReader.class);

  /** Where parquet-avro writers store the Avro schema (current key first, then the old one). */
  private static final String[] AVRO_SCHEMA_KEYS = {"parquet.avro.schema", "avro.schema"};

  private final SensorFile file;
  private final Topic topic;
  private final ParquetReader<GenericRecord> reader;
  private long records;
  private long rowsWithoutEventTime;
  private long tooLateRows;

  /** The record numbers (from 1) of the rows with an event time but without uuid, read so far. */
  private final List<Long> rowsWithoutUuid = new ArrayList<>();

  private SensorFileReader(
      SensorFile file, Topic topic, ParquetReader<GenericRecord> reader, FilePosition from) {
    this.file = file;
    this.topic = topic;
    this.reader = reader;
    this.records = 0;
    this.rowsWithoutEventTime = from.rowsWithoutEventTime();
    this.tooLateRows = from.tooLateRows();
  }

  /**
   * Opens {@code file} and skips the records before {@code from}.
   *
   * @throws BadSensorFileException when the file is a symbolic link out of the input folder, is not
   *     in a topic and slice folder, is not a readable Parquet file, or lacks the columns its topic
   *     needs
   */
  static SensorFileReader open(SensorFile file, FilePosition from) throws BadSensorFileException {
    Optional<Path> outside = file.linkedOutsideInput();
    if (outside.isPresent()) {
      throw new BadSensorFileException(
          "a symbolic link to " + outside.get() + ", outside the input folder: not read");
    }
    Topic topic =
        file.topic()
            .orElseThrow(
                () ->
                    new BadSensorFileException(
                        "folder '"
                            + file.topicFolder()
                            + "' is not a known topic ("
                            + Topic.LOCATIONS.folderName()
                            + ", "
                            + Topic.ACCELERATIONS.folderName()
                            + ")"));
    if (file.slice().isEmpty()) {
      throw new BadSensorFileException(
          "folder '"
              + file.sliceFolder()
              + "' is not a slice folder (t=<seconds with one decimal>)");
    }
    InputFile input = new BeamInputFile(file.metadata());
    Schema fileSchema = avroSchema(input);
    String problem = topic.projectionProblem(fileSchema).orElse(null);
    if (problem != null) {
      throw new BadSensorFileException(problem);
    }
    ParquetReader<GenericRecord> reader;
    try {
      reader = ParquetFiles.openReader(input);
    } catch (IOException | RuntimeException e) {
      throw new BadSensorFileException("cannot open as Parquet: " + reasonOf(e), e);
    }
    SensorFileReader opened = new SensorFileReader(file, topic, reader, from);
    try {
      opened.skip(from.records());
    } catch (BadSensorFileException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  /**
   * The Avro schema parquet-avro will read the file with: the one a parquet-avro writer stored in
   * the footer, or else the Avro view of the Parquet schema (files written by pandas have none).
   */
  private static Schema avroSchema(InputFile input) throws BadSensorFileException {
    FileMetaData footer;
    try {
      footer = ParquetFiles.readFooter(input);
    } catch (IOException | RuntimeException e) {
      throw new BadSensorFileException("not a readable Parquet file: " + reasonOf(e), e);
    }
    try {
      for (String key : AVRO_SCHEMA_KEYS) {
        String stored = footer.getKeyValueMetaData().get(key);
        if (stored != null) {
          return new Schema.Parser().parse(stored);
        }
      }
      return Topic.toAvro(footer.getSchema());
    } catch (RuntimeException e) {
      throw new BadSensorFileException("its schema has no Avro view: " + reasonOf(e), e);
    }
  }

  private void skip(long count) throws BadSensorFileException {
    for (long i = 0; i < count; i++) {
      if (readRecord() == null) {
        throw new BadSensorFileException(
            "holds " + records + " records, fewer than the " + count + " already read from it");
      }
    }
  }

  /**
   * The next row that has an event time, or null at the end of the file. Rows without a usable
   * timestamp are counted and skipped.
   *
   * @throws BadSensorFileException when the rest of the file cannot be decoded
   */
  @Nullable TimestampedValue<GenericRecord> next() throws BadSensorFileException {
    while (true) {
      GenericRecord row = readRecord();
      if (row == null) {
        return null;
      }
      Instant eventTime = eventTimeOf(row);
      if (eventTime == null) {
        rowsWithoutEventTime++;
        SensorSourceMetrics.ROWS_WITHOUT_EVENT_TIME_COUNTER.inc();
        continue;
      }
      if (row.get(Topic.UUID) == null) {
        SensorSourceMetrics.ROWS_WITHOUT_UUID_COUNTER.inc();
      }
      return TimestampedValue.of(project(row), eventTime);
    }
  }

  /** Counts the row {@link #next} returned last as dropped for being too late. */
  void dropTooLate() {
    tooLateRows++;
    SensorSourceMetrics.TOO_LATE_ROWS_COUNTER.inc();
  }

  SensorFile file() {
    return file;
  }

  Topic topic() {
    return topic;
  }

  FilePosition position() {
    return new FilePosition(records, rowsWithoutEventTime, tooLateRows);
  }

  /**
   * Reports a file read to its end: one log line, a warning when rows had to be left out, and the
   * row-level dead letter of its rows without uuid if it has any.
   *
   * @param deadLetters where the row-level dead letter goes, or null when it has been written
   *     before (a file read again for a recomputed batch)
   */
  void finished(@Nullable DeadLetters deadLetters) {
    if (deadLetters != null && !rowsWithoutUuid.isEmpty()) {
      deadLetters.recordRowsWithoutUuid(file, rowsWithoutUuid);
    }
    long delivered = records - rowsWithoutEventTime - tooLateRows;
    if (rowsWithoutEventTime == 0 && tooLateRows == 0) {
      LOG.debug("Read {}: {} rows", file, delivered);
    } else {
      LOG.warn(
          "Read {}: {} rows; left out {} rows without timestamp and {} rows too late for their"
              + " window",
          file,
          delivered,
          rowsWithoutEventTime,
          tooLateRows);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      LOG.warn("Could not close {}: {}", file, reasonOf(e));
    }
  }

  @Nullable
  private GenericRecord readRecord() throws BadSensorFileException {
    try {
      GenericRecord row = reader.read();
      if (row != null) {
        records++;
        // Also while skipping what a resumed read had delivered: the entry lists the whole file.
        if (row.get(Topic.UUID) == null && eventTimeOf(row) != null) {
          rowsWithoutUuid.add(records);
        }
      }
      return row;
    } catch (IOException | RuntimeException e) {
      throw new BadSensorFileException(
          "cannot decode record " + (records + 1) + ": " + reasonOf(e), e);
    }
  }

  private GenericRecord project(GenericRecord row) {
    GenericData.Record projected = new GenericData.Record(topic.schema());
    Schema fileSchema = row.getSchema();
    for (Schema.Field field : topic.schema().getFields()) {
      if (fileSchema.getField(field.name()) != null) {
        projected.put(field.pos(), row.get(field.name()));
      }
    }
    return projected;
  }

  /** The event time of a row (its {@code timestamp} column), or null when it has none usable. */
  @Nullable
  static Instant eventTimeOf(GenericRecord row) {
    return eventTime(row.get(Topic.TIMESTAMP));
  }

  /**
   * Epoch microseconds as a Beam timestamp (floor to milliseconds), or null when there is none or
   * it lies outside the range Beam can place in a window.
   */
  @Nullable
  private static Instant eventTime(@Nullable Object micros) {
    if (!(micros instanceof Long value)) {
      return null;
    }
    long millis = Math.floorDiv(value, 1000L);
    if (millis < BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()
        || millis > GlobalWindow.INSTANCE.maxTimestamp().getMillis()) {
      return null;
    }
    return new Instant(millis);
  }

  /** An exception in one line: its type and message, and the root cause when it says more. */
  static String reasonOf(Throwable e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      reason += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return reason.replace('\n', ' ');
  }
}

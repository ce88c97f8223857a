package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.parquet.BddSchemas;
import io.github.bddreplay.parquet.ParquetFiles;
import io.github.bddreplay.replay.EventTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * The rows a replay of a source folder publishes, read straight from the source Parquet files:
 * every column as stored, except {@code timestamp}, which becomes the replay start plus the row's
 * {@code offset} in epoch microseconds ({@link EventTime}). Rows without offset get no event time;
 * the streaming source cannot place them in time and leaves them out, so they are only counted.
 *
 * <p>The rows are in path order of the files, then row order within a file. A test that expects
 * the pipelines to drop some rows builds a source from the remaining rows with the constructor.
 *
 * @param locations replayed location rows that have an event time
 * @param accelerations replayed acceleration rows that have an event time
 * @param rowsWithoutOffset rows of either topic left out for lack of an offset
 */
public record ReplayedSource(
    List<GenericRecord> locations, List<GenericRecord> accelerations, long rowsWithoutOffset) {
  static final String UUID = "uuid";
  static final String TIMESTAMP = "timestamp";
  static final String OFFSET = "offset";

  public ReplayedSource {
    locations = List.copyOf(locations);
    accelerations = List.copyOf(accelerations);
  }

  /**
   * Reads {@code sourceDir}/{locations,accelerations}/**.parquet (names starting with {@code _} or
   * {@code .} are not data) as a replay starting at {@code startMicros} publishes them.
   *
   * @throws IOException when a topic folder is missing or a file cannot be read; the message names
   *     the file
   */
  public static ReplayedSource read(Path sourceDir, long startMicros) throws IOException {
    List<GenericRecord> locations = new ArrayList<>();
    List<GenericRecord> accelerations = new ArrayList<>();
    long withoutOffset = readTopic(sourceDir, BddSchemas.LOCATIONS, startMicros, locations);
    withoutOffset += readTopic(sourceDir, BddSchemas.ACCELERATIONS, startMicros, accelerations);
    return new ReplayedSource(locations, accelerations, withoutOffset);
  }

  /** The row's {@code uuid} as a string, or null. */
  static String uuid(GenericRecord row) {
    Object uuid = row.get(UUID);
    return uuid == null ? null : uuid.toString();
  }

  /** The row's replayed event time in epoch microseconds; only rows that have one are kept. */
  static long eventMicros(GenericRecord row) {
    return (Long) row.get(TIMESTAMP);
  }

  /** Adds the topic's replayed rows to {@code into}; returns how many rows had no offset. */
  private static long readTopic(
      Path sourceDir, String topic, long startMicros, List<GenericRecord> into) throws IOException {
    Path topicDir = sourceDir.resolve(topic);
    if (!Files.isDirectory(topicDir)) {
      throw new IOException("source folder " + sourceDir + " has no '" + topic + "' folder");
    }
    Schema avroSchema = BddSchemas.toAvro(BddSchemas.parquetSchema(topic));
    long withoutOffset = 0;
    for (Path file : DataFiles.visibleUnder(topicDir)) {
      if (!DataFiles.isParquet(file)) {
        continue; // as the replayer, which ignores (and warns about) other files
      }
      withoutOffset += readFile(file, topic, avroSchema, startMicros, into);
    }
    return withoutOffset;
  }

  /** Adds the replayed rows of one file to {@code into}; returns how many had no offset. */
  private static long readFile(
      Path file, String topic, Schema avroSchema, long startMicros, List<GenericRecord> into)
      throws IOException {
    String actualSchema;
    try {
      actualSchema = ParquetFiles.readSchema(file).toString();
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a readable Parquet file: " + e, e);
    }
    if (!actualSchema.equals(BddSchemas.parquetSchema(topic).toString())) {
      throw new IOException(file + ": schema is not the " + topic + " schema; it is " + actualSchema);
    }
    long withoutOffset = 0;
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        GenericRecord replayed = replay(row, avroSchema, startMicros);
        if (replayed == null) {
          withoutOffset++;
        } else {
          into.add(replayed);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": cannot read rows: " + e, e);
    }
    return withoutOffset;
  }

  /** A copy of {@code row} with its event time as timestamp, or null when it has no offset. */
  private static GenericRecord replay(GenericRecord row, Schema schema, long startMicros) {
    Object offset = row.get(OFFSET);
    if (offset == null) {
      return null;
    }
    GenericRecord replayed = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      replayed.put(field.pos(), row.get(field.name()));
    }
    replayed.put(TIMESTAMP, EventTime.micros(startMicros, (Double) offset));
    return replayed;
  }
}

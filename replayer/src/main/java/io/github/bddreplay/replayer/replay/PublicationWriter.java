package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.EventTime;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.replayer.parquet.ColumnValues;
import io.github.bddreplay.replayer.parquet.FlatFileReader;
import io.github.bddreplay.replayer.parquet.FlatRows;
import io.github.bddreplay.replayer.parquet.FlatRowsWriter;
import io.github.bddreplay.replayer.parquet.WrongSchemaException;
import io.github.bddreplay.replayer.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Writes a publication's rows into one Parquet file with their event times set: every column is
 * kept as read, except {@code timestamp}, which becomes the replay start plus the row's {@code
 * offset}. A source file that cannot be read, or whose schema is not the topic's, is reported and
 * left out whole, so the file never carries part of a broken source.
 *
 * <p>Source files are read whole, one at a time, and their rows written before the next is read: a
 * publication's rows are never all in memory at once.
 */
public final class PublicationWriter {
  static final String TIMESTAMP = "timestamp";
  static final String OFFSET = "offset";

  /**
   * Distinct in every row (the timestamp is start + offset), so a dictionary of them is never
   * smaller than their values: written plain.
   */
  private static final Set<String> EVENT_TIME_COLUMNS = Set.of(TIMESTAMP, OFFSET);

  /** Where parquet-avro keeps the Avro schema in a footer (package-private in parquet-avro). */
  private static final String AVRO_SCHEMA_METADATA = "parquet.avro.schema";

  private final MessageType topicSchema;
  private final int timestampField;
  private final int offsetField;
  private final CompressionCodecName codec;
  private final Consumer<String> warnings;
  private final Storage source;
  private final Storage results;

  /**
   * The footer metadata parquet-avro's writer gave the published files, kept so that their readers
   * (parquet-avro, Beam) see the same files: they take the Avro schema from it.
   */
  private final Map<String, String> footerMetadata;

  /**
   * @param source where the publications' files are
   * @param results where the staged files go
   */
  public PublicationWriter(
      String topic,
      MessageType topicSchema,
      CompressionCodecName codec,
      Consumer<String> warnings,
      Storage source,
      Storage results) {
    this.topicSchema = topicSchema;
    this.source = source;
    this.results = results;
    this.timestampField = fieldIndex(topic, TIMESTAMP, PrimitiveTypeName.INT64);
    this.offsetField =
        fieldIndex(
            topic,
            OFFSET,
            PrimitiveTypeName.DOUBLE,
            PrimitiveTypeName.FLOAT,
            PrimitiveTypeName.INT64,
            PrimitiveTypeName.INT32);
    this.codec = codec;
    this.warnings = warnings;
    // In parquet-avro's order: the footer's bytes then match the files it wrote before.
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(AVRO_SCHEMA_METADATA, Topic.toAvro(topicSchema).toString());
    metadata.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, "avro");
    this.footerMetadata = Collections.unmodifiableMap(metadata);
    try {
      FlatFileReader.requireFlat(topicSchema);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("topic " + topic + ": " + e.getMessage());
    }
  }

  private int fieldIndex(String topic, String name, PrimitiveTypeName... types) {
    if (!topicSchema.containsField(name)) {
      throw new BadInputException(
          "topic " + topic + " has no '" + name + "' column; its schema is " + topicSchema);
    }
    Type field = topicSchema.getType(name);
    for (PrimitiveTypeName type : types) {
      if (field.isPrimitive() && field.asPrimitiveType().getPrimitiveTypeName() == type) {
        return topicSchema.getFieldIndex(name);
      }
    }
    throw new BadInputException(
        "topic "
            + topic
            + ": column '"
            + name
            + "' is '"
            + field
            + "', not one of "
            + List.of(types));
  }

  /** What staging one publication gave. */
  public record Staged(Path file, long rows, int filesUsed, long rowsWithoutOffset) {
    public boolean isEmpty() {
      return filesUsed == 0;
    }
  }

  /** Reads the publication's files and writes their rows to {@code target}. */
  public Staged stage(Publication publication, Path target) throws IOException {
    long rows = 0;
    int filesUsed = 0;
    long withoutOffset = 0;
    FlatRowsWriter writer = null;
    try (FlatFileReader reader =
        new FlatFileReader(topicSchema, schema -> Topic.schemaDifference(topicSchema, schema))) {
      for (Path file : publication.files()) {
        FlatRows fileRows = readWhole(reader, file);
        if (fileRows == null) {
          continue;
        }
        withoutOffset += setEventTimes(fileRows, publication.startMicros());
        if (writer == null) {
          writer =
              FlatRowsWriter.open(
                  results.outputFile(target),
                  topicSchema,
                  footerMetadata,
                  codec,
                  EVENT_TIME_COLUMNS);
        }
        writer.write(fileRows);
        rows += fileRows.count();
        filesUsed++;
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
    return new Staged(target, rows, filesUsed, withoutOffset);
  }

  /** Sets each row's timestamp to start + offset; returns how many rows have no offset. */
  private long setEventTimes(FlatRows rows, long startMicros) {
    ColumnValues offsets = rows.column(offsetField);
    ColumnValues timestamps = rows.column(timestampField);
    long withoutOffset = 0;
    for (int row = 0; row < rows.count(); row++) {
      if (offsets.isNull(row)) {
        withoutOffset++;
        timestamps.setNull(row);
      } else {
        timestamps.setLong(row, EventTime.micros(startMicros, offsets.number(row)));
      }
    }
    return withoutOffset;
  }

  /** All rows of {@code file}, or null (after a warning naming the file) when it is unusable. */
  private FlatRows readWhole(FlatFileReader reader, Path file) {
    try {
      return reader.read(source.inputFile(file));
    } catch (WrongSchemaException e) {
      warnings.accept(
          source.describe(file)
              + ": schema differs from the topic's ("
              + e.difference()
              + "), file skipped");
      return null;
    } catch (IOException | RuntimeException e) {
      warnings.accept(
          source.describe(file)
              + ": not a readable Parquet file ("
              + reason(e)
              + "), file skipped");
      return null;
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

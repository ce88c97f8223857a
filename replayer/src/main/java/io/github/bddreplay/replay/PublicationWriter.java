package io.github.bddreplay.replay;

import io.github.bddreplay.BadInputException;
import io.github.bddreplay.parquet.BddSchemas;
import io.github.bddreplay.parquet.ParquetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a publication's rows into one Parquet file with their event times set: every column is
 * kept as read, except {@code timestamp}, which becomes the replay start plus the row's
 * {@code offset}. A source file that cannot be read, or whose schema is not the topic's, is
 * reported and left out whole, so the file never carries part of a broken source.
 */
public final class PublicationWriter {
  static final String TIMESTAMP = "timestamp";
  static final String OFFSET = "offset";

  private final MessageType topicSchema;
  private final Schema avroSchema;
  private final int timestampField;
  private final int offsetField;
  private final CompressionCodecName codec;
  private final Consumer<String> warnings;

  public PublicationWriter(
      String topic, MessageType topicSchema, CompressionCodecName codec, Consumer<String> warnings) {
    this.topicSchema = topicSchema;
    this.avroSchema = BddSchemas.toAvro(topicSchema);
    this.timestampField = fieldIndex(topic, TIMESTAMP);
    this.offsetField = fieldIndex(topic, OFFSET);
    this.codec = codec;
    this.warnings = warnings;
  }

  private int fieldIndex(String topic, String name) {
    Schema.Field field = avroSchema.getField(name);
    if (field == null) {
      throw new BadInputException(
          "topic " + topic + " has no '" + name + "' column; its schema is " + topicSchema);
    }
    return field.pos();
  }

  /** What staging one publication gave. */
  public record Staged(Path file, long rows, int filesUsed, long rowsWithoutOffset) {
    public boolean isEmpty() {
      return filesUsed == 0;
    }
  }

  /** Reads the publication's files and writes their rows to {@code target}. */
  public Staged stage(Publication publication, Path target) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    int filesUsed = 0;
    for (Path file : publication.files()) {
      List<GenericRecord> fileRows = readWhole(file);
      if (fileRows != null) {
        rows.addAll(fileRows);
        filesUsed++;
      }
    }
    if (filesUsed == 0) {
      return new Staged(target, 0, 0, 0);
    }
    long withoutOffset = 0;
    try (ParquetWriter<GenericRecord> writer = ParquetFiles.openWriter(target, avroSchema, codec)) {
      for (GenericRecord row : rows) {
        Object offset = row.get(offsetField);
        if (offset == null) {
          withoutOffset++;
          row.put(timestampField, null);
        } else {
          row.put(
              timestampField,
              EventTime.micros(publication.startMicros(), ((Number) offset).doubleValue()));
        }
        writer.write(row);
      }
    }
    return new Staged(target, rows.size(), filesUsed, withoutOffset);
  }

  /** All rows of {@code file}, or null (after a warning naming the file) when it is unusable. */
  private List<GenericRecord> readWhole(Path file) {
    try {
      String difference = TopicSchema.difference(topicSchema, ParquetFiles.readSchema(file));
      if (!difference.isEmpty()) {
        warnings.accept(file + ": schema differs from the topic's (" + difference + "), file skipped");
        return null;
      }
      List<GenericRecord> rows = new ArrayList<>();
      try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
        for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
          rows.add(row);
        }
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      warnings.accept(file + ": not a readable Parquet file (" + reason(e) + "), file skipped");
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

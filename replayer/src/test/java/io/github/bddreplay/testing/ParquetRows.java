package io.github.bddreplay.testing;

import io.github.bddreplay.parquet.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;

/** Rows of Parquet files, for comparing data sets in tests. */
public final class ParquetRows {
  private ParquetRows() {}

  public static List<GenericRecord> read(Path file) {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Every .parquet file below {@code dir}, sorted. */
  public static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The row as text that tells apart any two rows differing in any bit: doubles by their raw bits,
   * optionally leaving one column out.
   */
  public static String fingerprint(GenericRecord row, String skippedColumn) {
    StringBuilder text = new StringBuilder();
    for (var field : row.getSchema().getFields()) {
      if (field.name().equals(skippedColumn)) {
        continue;
      }
      Object value = row.get(field.pos());
      text.append(field.name()).append('=');
      if (value instanceof Double d) {
        text.append("d:").append(Long.toHexString(Double.doubleToRawLongBits(d)));
      } else if (value == null) {
        text.append("null");
      } else {
        text.append(value.getClass().getSimpleName()).append(':').append(value);
      }
      text.append('|');
    }
    return text.toString();
  }
}

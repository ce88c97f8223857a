package io.github.bddreplay.bench;

import io.github.bddreplay.contract.ParquetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;

/** Reads every row of a local Parquet file. */
final class ParquetScan {
  private ParquetScan() {}

  static void forEachRow(Path file, Consumer<GenericRecord> action) throws IOException {
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        action.accept(row);
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

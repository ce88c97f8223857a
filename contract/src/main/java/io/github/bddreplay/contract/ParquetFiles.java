package io.github.bddreplay.contract;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Local Parquet files read and written as Avro generic records, with schemas taken from Parquet
 * footers. Goes through parquet's local file API rather than Hadoop's file system, so no checksum
 * side files appear next to the data a watcher is listening to.
 */
public final class ParquetFiles {
  /**
   * One configuration for all readers and writers, without Hadoop's default resources. Parquet's
   * InputFile entry points otherwise make a {@code new Configuration()} per file, and parsing
   * Hadoop's XML defaults costs more than reading a small file.
   */
  private static final Configuration CONF = new Configuration(false);

  /**
   * {@link #CONF} for parquet-mr's non-Hadoop entry points; the flat reader and writer use it too.
   */
  public static final ParquetConfiguration PARQUET_CONF = new HadoopParquetConfiguration(CONF);

  private ParquetFiles() {}

  /** The schema in a local file's footer. */
  public static MessageType readSchema(Path file) throws IOException {
    return readFooter(new LocalInputFile(file)).getSchema();
  }

  /** The footer's file metadata: schema and key-value metadata. */
  public static FileMetaData readFooter(InputFile file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(file, ParquetReadOptions.builder(PARQUET_CONF).build())) {
      return reader.getFooter().getFileMetaData();
    }
  }

  /** {@link #openReader(InputFile)} of a local file. */
  public static ParquetReader<GenericRecord> openReader(Path file) throws IOException {
    return openReader(new LocalInputFile(file));
  }

  /**
   * A reader of the records in the file's own schema, with values as stored: timestamps stay epoch
   * longs and strings stay Avro Utf8 (no logical-type conversion).
   */
  public static ParquetReader<GenericRecord> openReader(InputFile file) throws IOException {
    return AvroParquetReader.<GenericRecord>builder(file, PARQUET_CONF)
        .withDataModel(GenericData.get())
        .build();
  }

  /**
   * As {@link #openReader(InputFile)}, reading only the columns of {@code projection}, a record of
   * some of the file's fields: the others are not decoded.
   */
  public static ParquetReader<GenericRecord> openReader(InputFile file, Schema projection)
      throws IOException {
    Configuration conf = new Configuration(CONF);
    AvroReadSupport.setRequestedProjection(conf, projection);
    return AvroParquetReader.<GenericRecord>builder(file, new HadoopParquetConfiguration(conf))
        .withDataModel(GenericData.get())
        .build();
  }

  /** The number of rows in a file, from its footer. */
  public static long rowCount(InputFile file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(file, ParquetReadOptions.builder(PARQUET_CONF).build())) {
      return reader.getRecordCount();
    }
  }

  /** A writer that replaces any file already at {@code file}. */
  public static ParquetWriter<GenericRecord> openWriter(
      Path file, Schema schema, CompressionCodecName codec) throws IOException {
    return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
        .withConf(CONF)
        .withSchema(schema)
        .withDataModel(GenericData.get())
        .withCompressionCodec(codec)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }
}

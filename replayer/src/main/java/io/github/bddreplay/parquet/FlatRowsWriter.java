package io.github.bddreplay.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link FlatRows} into one local Parquet file, value by value as they were read, with
 * parquet-mr's writer and its default layout (one row group, dictionary encoding, page size).
 */
public final class FlatRowsWriter implements AutoCloseable {
  /** One row of a batch: what parquet-mr's writer takes per record. */
  private record Row(FlatRows rows, int index) {}

  private final ParquetWriter<Row> writer;

  private FlatRowsWriter(ParquetWriter<Row> writer) {
    this.writer = writer;
  }

  /**
   * A writer that replaces any file already at {@code file}.
   *
   * @param keyValueMetadata what the footer carries besides the schema
   */
  public static FlatRowsWriter open(
      Path file, MessageType schema, Map<String, String> keyValueMetadata, CompressionCodecName codec)
      throws IOException {
    return new FlatRowsWriter(
        new Builder(new LocalOutputFile(file), schema, keyValueMetadata)
            .withConf(new Configuration(false))
            .withCompressionCodec(codec)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build());
  }

  /** Appends every row of {@code rows}, whose schema must be this file's. */
  public void write(FlatRows rows) throws IOException {
    for (int i = 0; i < rows.count(); i++) {
      writer.write(new Row(rows, i));
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final MessageType schema;
    private final Map<String, String> keyValueMetadata;

    Builder(OutputFile file, MessageType schema, Map<String, String> keyValueMetadata) {
      super(file);
      this.schema = schema;
      this.keyValueMetadata = keyValueMetadata;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema, keyValueMetadata);
    }
  }

  private static final class RowWriteSupport extends WriteSupport<Row> {
    private final MessageType schema;
    private final Map<String, String> keyValueMetadata;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, Map<String, String> keyValueMetadata) {
      this.schema = schema;
      this.keyValueMetadata = keyValueMetadata;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, keyValueMetadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
      consumer.startMessage();
      for (int c = 0; c < schema.getFieldCount(); c++) {
        ColumnValues column = row.rows().column(c);
        if (!column.isNull(row.index())) {
          String name = schema.getFieldName(c);
          consumer.startField(name, c);
          column.write(consumer, row.index());
          consumer.endField(name, c);
        }
      }
      consumer.endMessage();
    }
  }
}

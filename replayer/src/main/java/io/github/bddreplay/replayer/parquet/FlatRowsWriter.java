package io.github.bddreplay.replayer.parquet;

import io.github.bddreplay.contract.ParquetFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link FlatRows} into one Parquet file through parquet-mr's {@link ParquetWriter}, in its
 * default layout (page and row group sizes, dictionary encoding) except for the columns told to be
 * written plain.
 */
public final class FlatRowsWriter implements AutoCloseable {
  private final MessageType schema;
  private final ParquetWriter<Row> writer;
  private final Row cursor = new Row();

  private FlatRowsWriter(
      OutputFile target,
      MessageType schema,
      Map<String, String> keyValueMetadata,
      CompressionCodecName codec,
      Set<String> plainColumns)
      throws IOException {
    this.schema = schema;
    Builder builder =
        new Builder(target, new RowWriteSupport(schema, keyValueMetadata))
            .withConf(ParquetFiles.PARQUET_CONF)
            .withCompressionCodec(codec)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
    for (String column : plainColumns) {
      builder.withDictionaryEncoding(column, false);
    }
    this.writer = builder.build();
  }

  /**
   * A writer that replaces any file already at {@code file}.
   *
   * @param keyValueMetadata what the footer carries besides the schema
   * @param plainColumns top-level columns written without dictionary: those whose values are all
   *     distinct, which parquet-mr would hash into a dictionary for the first page only to find it
   *     no smaller than the values and fall back to plain encoding
   */
  public static FlatRowsWriter open(
      OutputFile file,
      MessageType schema,
      Map<String, String> keyValueMetadata,
      CompressionCodecName codec,
      Set<String> plainColumns)
      throws IOException {
    return new FlatRowsWriter(file, schema, keyValueMetadata, codec, plainColumns);
  }

  /** Appends every row of {@code rows}, whose schema must be this file's. */
  public void write(FlatRows rows) throws IOException {
    // Rows read for this file's topic share its schema object; comparing is for the others.
    if (rows.schema() != schema && !rows.schema().equals(schema)) {
      throw new IllegalArgumentException(
          "rows of schema " + rows.schema() + " for a file of schema " + schema);
    }
    cursor.rows = rows;
    for (cursor.index = 0; cursor.index < rows.count(); cursor.index++) {
      writer.write(cursor);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /** The row of {@link FlatRows} being written: one object moved along, not one per row. */
  private static final class Row {
    FlatRows rows;
    int index;
  }

  private static final class RowWriteSupport extends WriteSupport<Row> {
    private final MessageType schema;
    private final List<String> fields;
    private final Map<String, String> keyValueMetadata;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, Map<String, String> keyValueMetadata) {
      this.schema = schema;
      this.fields = schema.getFields().stream().map(field -> field.getName()).toList();
      this.keyValueMetadata = keyValueMetadata;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return writeContext();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return writeContext();
    }

    private WriteContext writeContext() {
      // A HashMap as parquet-avro's writer passes it: the footer lists the entries in its order.
      return new WriteContext(schema, new HashMap<>(keyValueMetadata));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
      consumer.startMessage();
      for (int c = 0; c < fields.size(); c++) {
        ColumnValues values = row.rows.column(c);
        if (!values.isNull(row.index)) {
          consumer.startField(fields.get(c), c);
          values.write(consumer, row.index);
          consumer.endField(fields.get(c), c);
        }
      }
      consumer.endMessage();
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile target, RowWriteSupport support) {
      super(target);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}

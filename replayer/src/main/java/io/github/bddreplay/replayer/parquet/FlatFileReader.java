package io.github.bddreplay.replayer.parquet;

import io.github.bddreplay.contract.ParquetFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads small flat Parquet files of one known schema whole, column by column, through parquet-mr's
 * file reader and column readers. Made for the many small files of a time-sliced data set (a few
 * dozen rows each), where what costs is per file, not per row: so no record assembly (values go
 * from the column readers into {@link ColumnValues}), no filters, no checksum checks, and one codec
 * factory for all files, whose decompressors are pooled.
 *
 * <p>Each file's schema is checked against the wanted one: a footer schema seen before is judged by
 * its earlier verdict, a new one by the {@code difference} function. Not thread-safe: one reader
 * per thread.
 */
public final class FlatFileReader implements AutoCloseable {
  private final MessageType schema;
  private final List<ColumnDescriptor> columns;
  private final Function<MessageType, String> difference;

  /** The schemas read so far, all found to be the wanted one. */
  private final List<MessageType> acceptedSchemas = new ArrayList<>();

  private final CodecFactory codecs = new CodecFactory(ParquetFiles.PARQUET_CONF, 0);
  private final ParquetReadOptions options =
      ParquetReadOptions.builder(ParquetFiles.PARQUET_CONF)
          .withCodecFactory(codecs)
          .useStatsFilter(false)
          .useDictionaryFilter(false)
          .useRecordFilter(false)
          .useColumnIndexFilter(false)
          .useBloomFilter(false)
          .usePageChecksumVerification(false)
          .build();

  /** Column readers want a converter per column; values are taken from the readers instead. */
  private final GroupConverter noConverters;

  /**
   * @param schema the flat schema the files are read with
   * @param difference how a file's schema differs from {@code schema}, in words; empty when the
   *     file can be read with it
   * @throws IllegalArgumentException when {@code schema} has nested or repeated columns
   */
  public FlatFileReader(MessageType schema, Function<MessageType, String> difference) {
    requireFlat(schema);
    this.schema = schema;
    this.columns = schema.getColumns();
    this.difference = difference;
    this.noConverters = new NoConverters(columns.size());
  }

  /**
   * Refuses a schema this reader cannot read.
   *
   * @throws IllegalArgumentException when {@code schema} has nested or repeated columns
   */
  public static void requireFlat(MessageType schema) {
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
        throw new IllegalArgumentException(
            "only flat schemas (primitive, not repeated columns) are supported; not: " + field);
      }
    }
  }

  /**
   * All rows of {@code file}.
   *
   * @throws WrongSchemaException when the file's schema differs from the wanted one
   * @throws IOException when the file cannot be read or is not valid Parquet
   */
  public FlatRows read(InputFile file) throws IOException {
    try {
      return readRows(file);
    } catch (RuntimeException e) {
      // parquet-mr reports most damage (a bad magic number, an undecodable page) unchecked.
      throw new IOException(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
  }

  private FlatRows readRows(InputFile file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(file, options)) {
      FileMetaData footer = reader.getFileMetaData();
      checkSchema(footer.getSchema());
      int rows = Math.toIntExact(reader.getRecordCount());
      ColumnValues[] values = new ColumnValues[columns.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] =
            new ColumnValues(columns.get(c).getPrimitiveType().getPrimitiveTypeName(), rows);
      }
      int firstRow = 0;
      for (PageReadStore group = reader.readNextRowGroup();
          group != null;
          group = reader.readNextRowGroup()) {
        int groupRows = Math.toIntExact(group.getRowCount());
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(group, noConverters, schema, footer.getCreatedBy());
        for (int c = 0; c < columns.size(); c++) {
          ColumnDescriptor column = columns.get(c);
          values[c].read(
              store.getColumnReader(column), column.getMaxDefinitionLevel(), firstRow, groupRows);
        }
        firstRow += groupRows;
      }
      if (firstRow != rows) {
        throw new IOException(
            "the row groups hold " + firstRow + " rows; the footer counts " + rows);
      }
      return new FlatRows(schema, rows, values);
    }
  }

  private void checkSchema(MessageType actual) throws WrongSchemaException {
    if (acceptedSchemas.contains(actual)) {
      return;
    }
    String different = difference.apply(actual);
    if (!different.isEmpty()) {
      throw new WrongSchemaException(different);
    }
    acceptedSchemas.add(actual);
  }

  @Override
  public void close() {
    codecs.release();
  }

  /** A converter for each top-level column that converts nothing. */
  private static final class NoConverters extends GroupConverter {
    private static final PrimitiveConverter NONE = new PrimitiveConverter() {};
    private final int fields;

    NoConverters(int fields) {
      this.fields = fields;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      if (fieldIndex >= fields) {
        throw new IndexOutOfBoundsException(fieldIndex);
      }
      return NONE;
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}

package io.github.bddreplay.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link FlatRows} into one local Parquet file, value by value as they were read, in
 * parquet-mr's default layout (page and row group sizes, dictionary encoding except for the
 * columns {@link Encodings} names): with {@link Encodings#DEFAULT} the same bytes as parquet-mr's
 * {@link ParquetWriter} with a record consumer, which the replayer used before.
 *
 * <p>Values go straight to parquet-mr's column writers instead of through its record consumer,
 * which for a flat row only adds per-field bookkeeping; and binary columns use {@link
 * RepeatAwareBinaryDictionaryWriter}. Row groups are cut where {@code ParquetWriter} cuts them (its
 * {@code InternalParquetRecordWriter}, whose checks this class repeats).
 */
public final class FlatRowsWriter implements AutoCloseable {
  private final ParquetFileWriter file;
  private final MessageType schema;
  private final List<ColumnDescriptor> columns;
  private final Map<String, String> keyValueMetadata;
  private final ParquetProperties properties;
  private final CodecFactory codecs;
  private final CodecFactory.BytesCompressor compressor;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore store;
  private ColumnWriter[] writers;
  private int rowGroupOrdinal;
  private long rowsInGroup;
  private long rowsAtNextSizeCheck;
  private long nextRowGroupSize = ParquetWriter.DEFAULT_BLOCK_SIZE;

  private FlatRowsWriter(
      Path target,
      MessageType schema,
      Map<String, String> keyValueMetadata,
      CompressionCodecName codec,
      Encodings encodings)
      throws IOException {
    this.schema = schema;
    this.columns = schema.getColumns();
    this.keyValueMetadata = keyValueMetadata;
    this.properties = properties(encodings);
    this.file =
        new ParquetFileWriter(
            new LocalOutputFile(target),
            schema,
            ParquetFileWriter.Mode.OVERWRITE,
            ParquetWriter.DEFAULT_BLOCK_SIZE,
            ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
            null,
            properties);
    this.codecs = new CodecFactory(new Configuration(false), properties.getPageSizeThreshold());
    this.compressor = codecs.getCompressor(codec);
    file.start();
    startRowGroup();
    rowsAtNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
  }

  /**
   * How the columns are encoded, where parquet-mr's defaults are not the best choice for the data.
   *
   * @param plainColumns top-level columns written without dictionary: those whose values are all
   *     distinct, which parquet-mr would hash into a dictionary for the first page only to find it
   *     no smaller than the values and fall back to plain encoding
   * @param expectedDistinctStrings how many distinct values a string column is expected to hold,
   *     so that its dictionary is made that large at once
   */
  public record Encodings(Set<String> plainColumns, int expectedDistinctStrings) {
    /** parquet-mr's own choices: a dictionary for every column, starting small. */
    public static final Encodings DEFAULT = new Encodings(Set.of(), 16);
  }

  /**
   * A writer that replaces any file already at {@code file}.
   *
   * @param keyValueMetadata what the footer carries besides the schema
   */
  public static FlatRowsWriter open(
      Path file,
      MessageType schema,
      Map<String, String> keyValueMetadata,
      CompressionCodecName codec,
      Encodings encodings)
      throws IOException {
    return new FlatRowsWriter(file, schema, keyValueMetadata, codec, encodings);
  }

  private static ParquetProperties properties(Encodings encodings) {
    ParquetProperties.Builder builder =
        ParquetProperties.builder()
            .withValuesWriterFactory(RepeatAwareBinaryDictionaryWriter.factory(encodings.expectedDistinctStrings()));
    for (String column : encodings.plainColumns()) {
      builder.withDictionaryEncoding(column, false);
    }
    return builder.build();
  }

  /** Appends every row of {@code rows}, whose schema must be this file's. */
  public void write(FlatRows rows) throws IOException {
    // Rows read for this file's topic share its schema object; comparing is for the others.
    if (rows.schema() != schema && !rows.schema().equals(schema)) {
      throw new IllegalArgumentException("rows of schema " + rows.schema() + " for a file of schema " + schema);
    }
    for (int row = 0; row < rows.count(); row++) {
      for (int c = 0; c < writers.length; c++) {
        ColumnValues values = rows.column(c);
        if (values.isNull(row)) {
          writers[c].writeNull(0, 0);
        } else {
          values.write(writers[c], row, columns.get(c).getMaxDefinitionLevel());
        }
      }
      store.endRecord();
      rowsInGroup++;
      cutRowGroupWhenFull();
    }
  }

  private void startRowGroup() {
    pages =
        new ColumnChunkPageWriteStore(
            compressor,
            schema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled(),
            null,
            rowGroupOrdinal);
    store = properties.newColumnWriteStore(schema, pages, pages);
    writers = new ColumnWriter[columns.size()];
    for (int c = 0; c < writers.length; c++) {
      writers[c] = store.getColumnWriter(columns.get(c));
    }
  }

  /** InternalParquetRecordWriter's check: measuring the buffered size is costly, so not every row. */
  private void cutRowGroupWhenFull() throws IOException {
    if (rowsInGroup < rowsAtNextSizeCheck) {
      return;
    }
    long size = store.getBufferedSize();
    long rowSize = size / rowsInGroup;
    if (size > nextRowGroupSize - 2 * rowSize) {
      flushRowGroup();
      startRowGroup();
      rowsAtNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
    } else {
      rowsAtNextSizeCheck =
          Math.min(
              Math.max(
                  properties.getMinRowCountForPageSizeCheck(),
                  (rowsInGroup + (long) (nextRowGroupSize / (float) rowSize)) / 2),
              rowsInGroup + properties.getMaxRowCountForPageSizeCheck());
    }
  }

  private void flushRowGroup() throws IOException {
    try {
      if (rowsInGroup > 0) {
        rowGroupOrdinal++;
        file.startBlock(rowsInGroup);
        store.flush();
        pages.flushToFileWriter(file);
        rowsInGroup = 0;
        file.endBlock();
        nextRowGroupSize = Math.min(file.getNextRowGroupSize(), ParquetWriter.DEFAULT_BLOCK_SIZE);
      }
    } finally {
      store.close();
      pages.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flushRowGroup();
      // A HashMap as parquet-mr's writer passes it: the footer lists the entries in its order.
      file.end(new HashMap<>(keyValueMetadata));
    } finally {
      codecs.release();
    }
  }

}

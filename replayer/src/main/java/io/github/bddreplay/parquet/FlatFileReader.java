package io.github.bddreplay.parquet;

import io.github.bddreplay.parquet.FooterDecoder.Footer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.parquet.VersionParser;
import org.apache.parquet.VersionParser.ParsedVersion;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads small flat Parquet files of one known schema whole, each with a single read and its footer
 * decoded once. Made for the many small files of a time-sliced data set (a few dozen rows each),
 * where parquet-mr's general reader spends most of its time per file, not per row: footer
 * decoding through an InputStream, the footer's conversion to parquet-mr's own metadata, a new
 * decompressor stream per page, and a record assembler built for every file. Footers and page
 * headers are decoded straight from the bytes, only the fields used ({@link FooterDecoder},
 * {@link PageHeaderDecoder}); pages in the usual layout by {@link FlatPageDecoder}, others by
 * parquet-mr's column reader.
 *
 * <p>Each file's schema is checked against the wanted one: a footer schema seen before is judged
 * by its earlier verdict, a new one by the {@code difference} function. Not thread-safe: one
 * reader per thread.
 */
public final class FlatFileReader implements AutoCloseable {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  /** The footer's length (4 bytes, little endian) and the magic after it. */
  private static final int TAIL = 8;
  /** The column reader wants a converter; values are taken from it directly instead. */
  private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {};

  private final MessageType schema;
  private final List<ColumnDescriptor> columns;
  private final Function<MessageType, String> difference;
  /** The footer bytes of the schemas read so far, all found to be the wanted one. */
  private final List<byte[]> acceptedSchemas = new ArrayList<>();
  private final Map<String, Optional<ParsedVersion>> writers = new HashMap<>();
  private final PageDecompressor decompressor = new PageDecompressor();
  private long chunksLeftToParquetMr;

  /**
   * @param schema the flat schema the files are read with
   * @param difference how a file's schema differs from {@code schema}, in words; empty when the file
   *     can be read with it
   * @throws IllegalArgumentException when {@code schema} has nested or repeated columns
   */
  public FlatFileReader(MessageType schema, Function<MessageType, String> difference) {
    requireFlat(schema);
    this.schema = schema;
    this.columns = schema.getColumns();
    this.difference = difference;
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
  public FlatRows read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Footer footer = footer(bytes);
    checkSchema(file, bytes, footer);
    int rows = 0;
    for (FooterDecoder.RowGroup group : footer.rowGroups()) {
      rows = Math.addExact(rows, Math.toIntExact(group.rows()));
    }
    ColumnValues[] values = new ColumnValues[columns.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = new ColumnValues(columns.get(c).getPrimitiveType().getPrimitiveTypeName(), rows);
    }
    ParsedVersion writer = writerVersion(footer.createdBy());
    int firstRow = 0;
    for (FooterDecoder.RowGroup group : footer.rowGroups()) {
      int groupRows = (int) group.rows();
      if (group.chunks().size() != columns.size()) {
        throw new IOException(
            "a row group has " + group.chunks().size() + " column chunks for " + columns.size() + " columns");
      }
      for (int c = 0; groupRows > 0 && c < columns.size(); c++) {
        readChunk(bytes, columns.get(c), group.chunks().get(c), groupRows, writer, values[c], firstRow);
      }
      firstRow += groupRows;
    }
    return new FlatRows(schema, rows, values);
  }

  private static Footer footer(byte[] bytes) throws IOException {
    int length = bytes.length;
    if (length < MAGIC.length + TAIL
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
        || !Arrays.equals(bytes, length - MAGIC.length, length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("not a Parquet file: no PAR1 magic number at its start and end");
    }
    int footerLength =
        (bytes[length - TAIL] & 0xff)
            | (bytes[length - TAIL + 1] & 0xff) << 8
            | (bytes[length - TAIL + 2] & 0xff) << 16
            | (bytes[length - TAIL + 3] & 0xff) << 24;
    int footerStart = length - TAIL - footerLength;
    if (footerLength < 0 || footerStart < MAGIC.length) {
      throw new IOException("footer length " + footerLength + " does not fit the file's " + length + " bytes");
    }
    return FooterDecoder.decode(bytes, footerStart, length - TAIL);
  }

  private void checkSchema(Path file, byte[] bytes, Footer footer) throws IOException {
    for (byte[] accepted : acceptedSchemas) {
      if (Arrays.equals(bytes, footer.schemaStart(), footer.schemaEnd(), accepted, 0, accepted.length)) {
        return;
      }
    }
    // A schema not seen yet is judged on parquet-mr's reading of the footer, as readers see it.
    String different = difference.apply(ParquetFiles.readSchema(file));
    if (!different.isEmpty()) {
      throw new WrongSchemaException(different);
    }
    acceptedSchemas.add(Arrays.copyOfRange(bytes, footer.schemaStart(), footer.schemaEnd()));
  }

  /** What the file's writer was, for the column reader's workarounds of known writer bugs. */
  private ParsedVersion writerVersion(String createdBy) {
    if (createdBy == null) {
      return null;
    }
    return writers
        .computeIfAbsent(
            createdBy,
            text -> {
              try {
                return Optional.of(VersionParser.parse(text));
              } catch (VersionParser.VersionParseException | RuntimeException e) {
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  /** A page of a column chunk: its header and where its bytes start in the file. */
  private record Page(PageHeader header, int at) {
    int length() {
      return header.getCompressed_page_size();
    }

    int size() {
      return header.getUncompressed_page_size();
    }
  }

  /** Reads the chunk's {@code rows} values into rows {@code firstRow} on of {@code into}. */
  private void readChunk(
      byte[] bytes,
      ColumnDescriptor column,
      FooterDecoder.Chunk meta,
      int rows,
      ParsedVersion writer,
      ColumnValues into,
      int firstRow)
      throws IOException {
    List<Page> pages = pages(bytes, column, meta, rows);
    CompressionCodecName codec = meta.codec();
    int maxDefinition = column.getMaxDefinitionLevel();
    if (pages.stream().allMatch(page -> FlatPageDecoder.decodes(page.header(), maxDefinition))) {
      ColumnValues dictionary = null;
      int row = firstRow;
      for (Page page : pages) {
        switch (page.header().getType()) {
          case DICTIONARY_PAGE ->
              dictionary =
                  FlatPageDecoder.dictionary(
                      column.getPrimitiveType(),
                      decompress(codec, bytes, page),
                      page.header().getDictionary_page_header().getNum_values());
          case DATA_PAGE ->
              row +=
                  FlatPageDecoder.dataPage(
                      column, page.header().getData_page_header(), decompress(codec, bytes, page), dictionary, into, row);
          default -> {
            // Index pages hold no values.
          }
        }
      }
    } else {
      chunksLeftToParquetMr++;
      into.read(
          new ColumnReaderImpl(column, parquetPages(codec, bytes, pages, rows), NO_CONVERTER, writer),
          maxDefinition,
          firstRow,
          rows);
    }
  }

  /** The chunk's page headers, up to the page that completes its {@code rows} values. */
  private static List<Page> pages(byte[] bytes, ColumnDescriptor column, FooterDecoder.Chunk meta, int rows)
      throws IOException {
    long start = meta.dataPageOffset();
    // Some writers record 0 for "no dictionary page"; a dictionary comes before the data pages.
    if (meta.dictionaryPageOffset() > 0 && meta.dictionaryPageOffset() < start) {
      start = meta.dictionaryPageOffset();
    }
    long end = start + meta.compressedSize();
    if (start < MAGIC.length || end > bytes.length - TAIL || end < start) {
      throw new IOException("column " + Arrays.toString(column.getPath()) + " lies outside the file");
    }
    if (meta.values() != rows) {
      throw new IOException(
          "column " + Arrays.toString(column.getPath()) + " has " + meta.values() + " values for " + rows + " rows");
    }
    CompactReader in = new CompactReader(bytes, (int) start, (int) end);
    List<Page> pages = new ArrayList<>();
    long values = 0;
    while (values < rows) {
      Page page = new Page(PageHeaderDecoder.decode(in), in.position());
      if (page.length() < 0 || page.length() > end - page.at() || page.size() < 0) {
        throw new IOException("a page of column " + Arrays.toString(column.getPath()) + " lies outside its chunk");
      }
      switch (page.header().getType()) {
        case DATA_PAGE -> values += page.header().getData_page_header().getNum_values();
        case DATA_PAGE_V2 -> values += page.header().getData_page_header_v2().getNum_values();
        default -> {
          // Dictionary and index pages hold no row values.
        }
      }
      pages.add(page);
      in.advance(page.length());
    }
    if (values != rows) {
      throw new IOException(
          "the pages of column " + Arrays.toString(column.getPath()) + " hold " + values + " values for " + rows + " rows");
    }
    return pages;
  }

  private byte[] decompress(CompressionCodecName codec, byte[] bytes, Page page) throws IOException {
    return decompressor.decompress(codec, bytes, page.at(), page.length(), page.size());
  }

  /** The pages as parquet-mr's column reader takes them. */
  private DecodedChunk parquetPages(CompressionCodecName codec, byte[] bytes, List<Page> pages, int rows)
      throws IOException {
    DictionaryPage dictionary = null;
    List<DataPage> dataPages = new ArrayList<>();
    for (Page page : pages) {
      PageHeader header = page.header();
      switch (header.getType()) {
        case DICTIONARY_PAGE -> {
          DictionaryPageHeader h = header.getDictionary_page_header();
          dictionary =
              new DictionaryPage(
                  BytesInput.from(decompress(codec, bytes, page)), page.size(), h.getNum_values(), encoding(h.getEncoding()));
        }
        case DATA_PAGE -> {
          DataPageHeader h = header.getData_page_header();
          dataPages.add(
              new DataPageV1(
                  BytesInput.from(decompress(codec, bytes, page)),
                  h.getNum_values(),
                  page.size(),
                  null,
                  encoding(h.getRepetition_level_encoding()),
                  encoding(h.getDefinition_level_encoding()),
                  encoding(h.getEncoding())));
        }
        case DATA_PAGE_V2 ->
            dataPages.add(pageV2(header.getData_page_header_v2(), codec, bytes, page.at(), page.length(), page.size()));
        default -> {
          // Index pages hold no values.
        }
      }
    }
    return new DecodedChunk(dictionary, dataPages, rows);
  }

  /** A version 2 data page: its levels are never compressed, its values may be. */
  private DataPage pageV2(
      DataPageHeaderV2 header, CompressionCodecName codec, byte[] bytes, int at, int length, int size)
      throws IOException {
    int repetitionLength = header.getRepetition_levels_byte_length();
    int definitionLength = header.getDefinition_levels_byte_length();
    int levels = repetitionLength + definitionLength;
    if (repetitionLength < 0 || definitionLength < 0 || levels > length || levels > size) {
      throw new IOException("a version 2 data page declares more level bytes than it has");
    }
    boolean compressed = !header.isSetIs_compressed() || header.isIs_compressed();
    byte[] data =
        decompressor.decompress(
            compressed ? codec : CompressionCodecName.UNCOMPRESSED, bytes, at + levels, length - levels, size - levels);
    return DataPageV2.uncompressed(
        header.getNum_rows(),
        header.getNum_nulls(),
        header.getNum_values(),
        BytesInput.from(Arrays.copyOfRange(bytes, at, at + repetitionLength)),
        BytesInput.from(Arrays.copyOfRange(bytes, at + repetitionLength, at + levels)),
        encoding(header.getEncoding()),
        BytesInput.from(data),
        null);
  }

  private static Encoding encoding(org.apache.parquet.format.Encoding encoding) {
    return Encoding.valueOf(encoding.name());
  }

  /** How many column chunks so far were in a layout {@link FlatPageDecoder} does not decode. */
  long chunksLeftToParquetMr() {
    return chunksLeftToParquetMr;
  }

  @Override
  public void close() {
    decompressor.close();
  }
}

package io.github.bddreplay.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Decodes the pages of a flat column straight into {@link ColumnValues}, for the layout nearly
 * every writer gives small files (parquet-mr, pyarrow and fastparquet alike): version 1 data pages
 * whose values are PLAIN or dictionary indices and whose definition levels are RLE. parquet-mr's
 * column reader builds a value reader per page and goes through a call per level and per value;
 * for files of a few dozen rows that cost more than the values themselves. {@link FlatFileReader}
 * leaves chunks in any other layout to parquet-mr.
 */
final class FlatPageDecoder {
  /** The definition levels of a version 1 page are prefixed with their length, 4 bytes. */
  private static final int LEVELS_LENGTH_BYTES = 4;

  private FlatPageDecoder() {}

  /** Whether a page with this header can be decoded here (index pages are skipped). */
  static boolean decodes(PageHeader header, int maxDefinition) {
    return switch (header.getType()) {
      case DICTIONARY_PAGE -> isPlain(header.getDictionary_page_header().getEncoding());
      case DATA_PAGE -> {
        DataPageHeader page = header.getData_page_header();
        Encoding values = page.getEncoding();
        yield (maxDefinition == 0 || page.getDefinition_level_encoding() == Encoding.RLE)
            && (isPlain(values) || isDictionaryIndices(values));
      }
      case INDEX_PAGE -> true;
      default -> false;
    };
  }

  private static boolean isPlain(Encoding encoding) {
    return encoding == Encoding.PLAIN || encoding == Encoding.PLAIN_DICTIONARY;
  }

  private static boolean isDictionaryIndices(Encoding encoding) {
    return encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY;
  }

  /** The {@code count} entries of a dictionary page, from its decompressed bytes. */
  static ColumnValues dictionary(PrimitiveType type, byte[] page, int count) throws IOException {
    if (count < 0) {
      throw new IOException("a dictionary page of " + count + " values");
    }
    ColumnValues entries = new ColumnValues(type.getPrimitiveTypeName(), count);
    PlainValues values = new PlainValues(page, 0, page.length, type);
    for (int i = 0; i < count; i++) {
      entries.readPlain(values, i);
    }
    return entries;
  }

  /**
   * Decodes a version 1 data page, from its decompressed bytes, into rows {@code firstRow} on of
   * {@code into}.
   *
   * @param dictionary the chunk's dictionary, or null when it has none
   * @return how many rows the page held
   */
  static int dataPage(
      ColumnDescriptor column,
      DataPageHeader header,
      byte[] page,
      ColumnValues dictionary,
      ColumnValues into,
      int firstRow)
      throws IOException {
    int count = header.getNum_values();
    if (count < 0 || count > into.size() - firstRow) {
      throw new IOException("a data page of " + count + " values where " + (into.size() - firstRow) + " are left");
    }
    int maxDefinition = column.getMaxDefinitionLevel();
    RleHybridDecoder levels = null;
    int valuesStart = 0;
    if (maxDefinition > 0) {
      int length = levelsLength(page);
      levels = new RleHybridDecoder(page, LEVELS_LENGTH_BYTES, LEVELS_LENGTH_BYTES + length, bitWidth(maxDefinition));
      valuesStart = LEVELS_LENGTH_BYTES + length;
    }
    boolean indices = header.getEncoding() != Encoding.PLAIN;
    if (indices && dictionary == null) {
      throw new IOException("a dictionary-encoded page in a column chunk without dictionary");
    }
    PlainValues plain = indices ? null : new PlainValues(page, valuesStart, page.length, column.getPrimitiveType());
    RleHybridDecoder dictionaryIndices = null;
    for (int row = firstRow; row < firstRow + count; row++) {
      if (levels != null && levels.next() != maxDefinition) {
        into.setNull(row);
      } else if (plain != null) {
        into.readPlain(plain, row);
      } else {
        if (dictionaryIndices == null) {
          dictionaryIndices = indicesAt(page, valuesStart);
        }
        int index = dictionaryIndices.next();
        if (index < 0 || index >= dictionary.size()) {
          throw new IOException("dictionary index " + index + " of a dictionary of " + dictionary.size());
        }
        into.copy(row, dictionary, index);
      }
    }
    return count;
  }

  private static int levelsLength(byte[] page) throws IOException {
    if (page.length < LEVELS_LENGTH_BYTES) {
      throw new IOException("a data page too short for its definition levels");
    }
    int length =
        (page[0] & 0xff) | (page[1] & 0xff) << 8 | (page[2] & 0xff) << 16 | (page[3] & 0xff) << 24;
    if (length < 0 || length > page.length - LEVELS_LENGTH_BYTES) {
      throw new IOException("definition levels of " + length + " bytes in a page of " + page.length);
    }
    return length;
  }

  /** Dictionary indices: their bit width in one byte, then the RLE / bit-packed runs. */
  private static RleHybridDecoder indicesAt(byte[] page, int start) throws IOException {
    if (start >= page.length) {
      throw new IOException("a dictionary-encoded page without its indices");
    }
    return new RleHybridDecoder(page, start + 1, page.length, page[start] & 0xff);
  }

  private static int bitWidth(int maxLevel) {
    return 32 - Integer.numberOfLeadingZeros(maxLevel);
  }
}

package io.github.bddreplay.parquet;

import java.io.IOException;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;

/**
 * Decodes a Parquet page header into parquet-format's classes, without the page statistics and
 * checksum, which {@link FlatFileReader} does not use and which Thrift's own decoder turned into
 * objects for every page.
 *
 * <p>Field ids are those of parquet-format's {@code parquet.thrift}.
 */
final class PageHeaderDecoder {
  private PageHeaderDecoder() {}

  /** Decodes the header that starts at {@code in}'s position and leaves it after the header. */
  static PageHeader decode(CompactReader in) throws IOException {
    PageHeader header = new PageHeader();
    int outer = in.beginStruct();
    while (in.nextField()) {
      int id = in.fieldId();
      if (in.fieldIsInteger() && id == 1) {
        header.setType(PageType.findByValue(in.readInt()));
      } else if (in.fieldIsInteger() && id == 2) {
        header.setUncompressed_page_size(in.readInt());
      } else if (in.fieldIsInteger() && id == 3) {
        header.setCompressed_page_size(in.readInt());
      } else if (in.fieldType() == CompactReader.STRUCT && id == 5) {
        header.setData_page_header(dataPage(in));
      } else if (in.fieldType() == CompactReader.STRUCT && id == 7) {
        header.setDictionary_page_header(dictionaryPage(in));
      } else if (in.fieldType() == CompactReader.STRUCT && id == 8) {
        header.setData_page_header_v2(dataPageV2(in));
      } else {
        in.skipField();
      }
    }
    in.endStruct(outer);
    if (header.getType() == null || !header.isSetUncompressed_page_size() || !header.isSetCompressed_page_size()) {
      throw new IOException("corrupt page header: no known page type or no page sizes");
    }
    PageType type = header.getType();
    if ((type == PageType.DATA_PAGE && !header.isSetData_page_header())
        || (type == PageType.DICTIONARY_PAGE && !header.isSetDictionary_page_header())
        || (type == PageType.DATA_PAGE_V2 && !header.isSetData_page_header_v2())) {
      throw new IOException("corrupt page header: a " + type + " without its header");
    }
    return header;
  }

  private static DataPageHeader dataPage(CompactReader in) throws IOException {
    DataPageHeader header = new DataPageHeader();
    int outer = in.beginStruct();
    while (in.nextField()) {
      if (!in.fieldIsInteger()) {
        in.skipField();
        continue;
      }
      switch (in.fieldId()) {
        case 1 -> header.setNum_values(in.readInt());
        case 2 -> header.setEncoding(encoding(in));
        case 3 -> header.setDefinition_level_encoding(encoding(in));
        case 4 -> header.setRepetition_level_encoding(encoding(in));
        default -> in.skipField();
      }
    }
    in.endStruct(outer);
    if (!header.isSetNum_values()
        || header.getEncoding() == null
        || header.getDefinition_level_encoding() == null
        || header.getRepetition_level_encoding() == null) {
      throw new IOException("corrupt page header: a data page without its value count or encodings");
    }
    return header;
  }

  private static DictionaryPageHeader dictionaryPage(CompactReader in) throws IOException {
    DictionaryPageHeader header = new DictionaryPageHeader();
    int outer = in.beginStruct();
    while (in.nextField()) {
      if (in.fieldIsInteger() && in.fieldId() == 1) {
        header.setNum_values(in.readInt());
      } else if (in.fieldIsInteger() && in.fieldId() == 2) {
        header.setEncoding(encoding(in));
      } else {
        in.skipField();
      }
    }
    in.endStruct(outer);
    if (!header.isSetNum_values() || header.getEncoding() == null) {
      throw new IOException("corrupt page header: a dictionary page without its value count or encoding");
    }
    return header;
  }

  private static DataPageHeaderV2 dataPageV2(CompactReader in) throws IOException {
    DataPageHeaderV2 header = new DataPageHeaderV2();
    int outer = in.beginStruct();
    while (in.nextField()) {
      if (in.fieldId() == 7 && in.fieldIsBoolean()) {
        header.setIs_compressed(in.booleanValue());
        continue;
      }
      if (!in.fieldIsInteger()) {
        in.skipField();
        continue;
      }
      switch (in.fieldId()) {
        case 1 -> header.setNum_values(in.readInt());
        case 2 -> header.setNum_nulls(in.readInt());
        case 3 -> header.setNum_rows(in.readInt());
        case 4 -> header.setEncoding(encoding(in));
        case 5 -> header.setDefinition_levels_byte_length(in.readInt());
        case 6 -> header.setRepetition_levels_byte_length(in.readInt());
        default -> in.skipField();
      }
    }
    in.endStruct(outer);
    if (!header.isSetNum_values()
        || !header.isSetNum_nulls()
        || !header.isSetNum_rows()
        || header.getEncoding() == null
        || !header.isSetDefinition_levels_byte_length()
        || !header.isSetRepetition_levels_byte_length()) {
      throw new IOException("corrupt page header: a version 2 data page without its counts, encoding or lengths");
    }
    return header;
  }

  private static Encoding encoding(CompactReader in) throws IOException {
    int value = in.readInt();
    Encoding encoding = Encoding.findByValue(value);
    if (encoding == null) {
      throw new IOException("corrupt page header: unknown encoding " + value);
    }
    return encoding;
  }
}

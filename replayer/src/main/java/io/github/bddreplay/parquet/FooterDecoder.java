package io.github.bddreplay.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decodes from a Parquet footer only what {@link FlatFileReader} uses: where the schema lies, the
 * row groups' row counts, where each column chunk lies and how it is compressed, and the writer's
 * name. Everything else is skipped unread: in a small file, decoding the per-column statistics,
 * page encoding statistics and size statistics into objects cost more than reading the rows.
 *
 * <p>Field ids are those of parquet-format's {@code parquet.thrift}.
 */
final class FooterDecoder {
  /**
   * @param schemaStart where the footer's schema (a Thrift list of SchemaElement) starts in the
   *     file's bytes; equal bytes are an equal schema
   * @param createdBy the writer's name and version, or null
   */
  record Footer(int schemaStart, int schemaEnd, List<RowGroup> rowGroups, String createdBy) {}

  record RowGroup(long rows, List<Chunk> chunks) {}

  /**
   * A column chunk kept in this file.
   *
   * @param dictionaryPageOffset where its dictionary page starts, or -1 when the footer says none
   */
  record Chunk(
      CompressionCodecName codec, long values, long compressedSize, long dataPageOffset, long dictionaryPageOffset) {}

  private FooterDecoder() {}

  /** Decodes the footer in {@code bytes[start, end)}. */
  static Footer decode(byte[] bytes, int start, int end) throws IOException {
    CompactReader in = new CompactReader(bytes, start, end);
    int schemaStart = -1;
    int schemaEnd = -1;
    List<RowGroup> groups = null;
    String createdBy = null;
    in.beginStruct();
    while (in.nextField()) {
      if (in.fieldId() == 2 && in.fieldType() == CompactReader.LIST) {
        schemaStart = in.position();
        in.skipField();
        schemaEnd = in.position();
      } else if (in.fieldId() == 4 && in.fieldType() == CompactReader.LIST) {
        int size = in.beginList(CompactReader.STRUCT);
        groups = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          groups.add(rowGroup(in));
        }
      } else if (in.fieldId() == 6 && in.fieldType() == CompactReader.BINARY) {
        createdBy = in.readString();
      } else {
        in.skipField();
      }
    }
    if (schemaStart < 0 || groups == null) {
      throw new IOException("corrupt footer: it has no schema or no row groups");
    }
    return new Footer(schemaStart, schemaEnd, groups, createdBy);
  }

  private static RowGroup rowGroup(CompactReader in) throws IOException {
    List<Chunk> chunks = null;
    long rows = -1;
    int outer = in.beginStruct();
    while (in.nextField()) {
      if (in.fieldId() == 1 && in.fieldType() == CompactReader.LIST) {
        int size = in.beginList(CompactReader.STRUCT);
        chunks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          chunks.add(chunk(in));
        }
      } else if (in.fieldId() == 3 && in.fieldIsInteger()) {
        rows = in.readLong();
      } else {
        in.skipField();
      }
    }
    in.endStruct(outer);
    if (chunks == null || rows < 0) {
      throw new IOException("corrupt footer: a row group has no columns or no row count");
    }
    return new RowGroup(rows, chunks);
  }

  /** A ColumnChunk, whose field 3 is its ColumnMetaData. */
  private static Chunk chunk(CompactReader in) throws IOException {
    Chunk chunk = null;
    int outer = in.beginStruct();
    while (in.nextField()) {
      if (in.fieldId() == 1 && in.fieldType() == CompactReader.BINARY) {
        throw new IOException("a column chunk is kept in another file, which is not supported");
      } else if (in.fieldId() == 3 && in.fieldType() == CompactReader.STRUCT) {
        chunk = columnMetaData(in);
      } else {
        in.skipField();
      }
    }
    in.endStruct(outer);
    if (chunk == null) {
      throw new IOException("a column chunk has no metadata in the footer (encrypted?), which is not supported");
    }
    return chunk;
  }

  private static Chunk columnMetaData(CompactReader in) throws IOException {
    CompressionCodecName codec = null;
    long values = -1;
    long compressedSize = -1;
    long dataPageOffset = -1;
    long dictionaryPageOffset = -1;
    int outer = in.beginStruct();
    while (in.nextField()) {
      int id = in.fieldId();
      if (!in.fieldIsInteger() || (id != 4 && id != 5 && id != 7 && id != 9 && id != 11)) {
        in.skipField();
      } else if (id == 4) {
        int value = in.readInt();
        CompressionCodec format = CompressionCodec.findByValue(value);
        if (format == null) {
          throw new IOException("corrupt footer: unknown compression codec " + value);
        }
        codec = CompressionCodecName.fromParquet(format);
      } else if (id == 5) {
        values = in.readLong();
      } else if (id == 7) {
        compressedSize = in.readLong();
      } else if (id == 9) {
        dataPageOffset = in.readLong();
      } else {
        dictionaryPageOffset = in.readLong();
      }
    }
    in.endStruct(outer);
    if (codec == null || values < 0 || compressedSize < 0 || dataPageOffset < 0) {
      throw new IOException("corrupt footer: a column chunk lacks its codec, value count, size or offset");
    }
    return new Chunk(codec, values, compressedSize, dataPageOffset, dictionaryPageOffset);
  }
}

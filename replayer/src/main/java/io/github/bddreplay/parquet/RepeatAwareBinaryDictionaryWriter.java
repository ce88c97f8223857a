package io.github.bddreplay.parquet;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import shaded.parquet.it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;

/**
 * parquet-mr's dictionary writer for binary values, which remembers the last value it wrote and
 * its dictionary id. A sensor file's string columns (ride_id, uuid, filename) hold one value for
 * all its rows, so most values repeat the one before: they skip hashing the bytes and looking them
 * up, which was the largest single cost of writing a publication. Its dictionary starts at the
 * size expected, not parquet-mr's 16 entries. The values, dictionary and fallback decisions are
 * parquet-mr's own, so the bytes written are the same.
 */
final class RepeatAwareBinaryDictionaryWriter extends PlainBinaryDictionaryValuesWriter {
  /** The last value written, or null. */
  private Binary last;
  private int lastId;

  private RepeatAwareBinaryDictionaryWriter(
      int maxDictionaryByteSize,
      Encoding dataPage,
      Encoding dictionaryPage,
      ByteBufferAllocator allocator,
      int expectedValues) {
    super(maxDictionaryByteSize, dataPage, dictionaryPage, allocator);
    // Sized for the values expected, so that it need not grow: growing rehashes every value, and a
    // Binary computes its hash from its bytes each time it is asked.
    binaryDictionaryContent = new Object2IntLinkedOpenHashMap<>(expectedValues);
    binaryDictionaryContent.defaultReturnValue(-1);
  }

  /**
   * parquet-mr's default writers for format version 1, with this one in place of the binary
   * dictionary writer.
   *
   * @param expectedValues how many distinct values a binary column is expected to hold
   */
  static ValuesWriterFactory factory(int expectedValues) {
    return new Factory(expectedValues);
  }

  @Override
  public void writeBytes(Binary value) {
    // Only the same reference, not equal bytes: a source decoded from a dictionary page gives the
    // same object for a repeated value, and a reference test costs nothing when values differ. A
    // value whose producer reuses its bytes may have changed behind the same reference.
    if (value == last && !value.isBackingBytesReused()) {
      encodedValues.add(lastId);
      return;
    }
    // From here as parquet-mr's writeBytes, keeping the id, but with one lookup for a new value:
    // copy() is the value itself unless its bytes are reused, so it costs nothing to put it first.
    int next = binaryDictionaryContent.size();
    int id = binaryDictionaryContent.putIfAbsent(value.copy(), next);
    if (id == -1) {
      id = next;
      dictionaryByteSize += 4L + value.length();
    }
    encodedValues.add(id);
    last = value;
    lastId = id;
  }

  @Override
  protected void clearDictionaryContent() {
    super.clearDictionaryContent();
    last = null;
  }

  private static final class Factory implements ValuesWriterFactory {
    private final ValuesWriterFactory defaults = new DefaultValuesWriterFactory();
    private final int expectedValues;
    private ParquetProperties properties;

    Factory(int expectedValues) {
      this.expectedValues = expectedValues;
    }

    @Override
    public void initialize(ParquetProperties properties) {
      this.properties = properties;
      defaults.initialize(properties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
      if (column.getPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
          || properties.getWriterVersion() != ParquetProperties.WriterVersion.PARQUET_1_0
          || !properties.isDictionaryEnabled(column)) {
        return defaults.newValuesWriter(column);
      }
      // As parquet-mr's DefaultV1ValuesWriterFactory builds a binary column's writer.
      ByteBufferAllocator allocator = properties.getAllocator();
      return FallbackValuesWriter.of(
          new RepeatAwareBinaryDictionaryWriter(
              properties.getDictionaryPageSizeThreshold(),
              Encoding.PLAIN_DICTIONARY,
              Encoding.PLAIN_DICTIONARY,
              allocator,
              expectedValues),
          new PlainValuesWriter(properties.getInitialSlabSize(), properties.getPageSizeThreshold(), allocator));
    }
  }
}

package io.github.bddreplay.parquet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/** {@link RepeatAwareBinaryDictionaryWriter} against parquet-mr's own binary values writer. */
class RepeatAwareBinaryDictionaryWriterTest {
  private static final ColumnDescriptor NAME =
      MessageTypeParser.parseMessageType("message m { optional binary name (STRING); }").getColumns().get(0);

  private static ValuesWriter writer(ValuesWriterFactory factory, int maxDictionaryBytes) {
    return ParquetProperties.builder()
        .withDictionaryPageSize(maxDictionaryBytes)
        .withValuesWriterFactory(factory)
        .build()
        .getValuesWriterFactory()
        .newValuesWriter(NAME);
  }

  /** What a page of the written values encodes to: its encoding and bytes, then the dictionary's. */
  private static List<String> page(ValuesWriter writer) throws IOException {
    byte[] values = writer.getBytes().toByteArray();
    List<String> page = new ArrayList<>(List.of(writer.getEncoding() + " " + Arrays.toString(values)));
    DictionaryPage dictionary = writer.toDictPageAndClose();
    page.add(dictionary == null ? "no dictionary" : Arrays.toString(dictionary.getBytes().toByteArray()));
    return page;
  }

  /**
   * Shared references, equal values in new objects, and a buffer its producer rewrites between
   * values, so that one reference holds another value each time.
   */
  private static List<String> writeMixedValues(ValuesWriter writer) throws IOException {
    Binary shared = Binary.fromConstantByteArray("car-1".getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[5];
    Binary reused = Binary.fromReusedByteArray(buffer);
    for (int i = 0; i < 300; i++) {
      writer.writeBytes(i % 50 < 40 ? shared : Binary.fromString("car-" + (i % 7)));
      System.arraycopy(("car-" + (i / 20 % 3)).getBytes(StandardCharsets.UTF_8), 0, buffer, 0, buffer.length);
      writer.writeBytes(reused);
    }
    return page(writer);
  }

  @Test
  void encodesSharedEqualAndReusedValuesAsParquetMrDoes() throws IOException {
    List<String> expected = writeMixedValues(writer(new DefaultValuesWriterFactory(), 1 << 20));

    assertThat(writeMixedValues(writer(RepeatAwareBinaryDictionaryWriter.factory(4), 1 << 20)), is(expected));
    assertThat("dictionary encoded", expected.get(0), startsWith("PLAIN_DICTIONARY "));
  }

  private static List<String> writeManyValues(ValuesWriter writer) throws IOException {
    for (int i = 0; i < 2_000; i++) {
      writer.writeBytes(Binary.fromString("value-" + (i / 3)));
    }
    return page(writer);
  }

  @Test
  void fallsBackToPlainWhereParquetMrDoes() throws IOException {
    List<String> expected = writeManyValues(writer(new DefaultValuesWriterFactory(), 1_000));

    assertThat(writeManyValues(writer(RepeatAwareBinaryDictionaryWriter.factory(4_096), 1_000)), is(expected));
    assertThat("the dictionary outgrew its limit", expected.get(0), startsWith("PLAIN "));
  }
}

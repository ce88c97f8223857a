package io.github.bddreplay.replayer.parquet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.replayer.storage.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FlatFileReader} against parquet-mr's own writer and reader, and {@link FlatRowsWriter}.
 */
class FlatFileReaderTest {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message m {\n"
              + "  optional boolean flag;\n"
              + "  optional int32 count;\n"
              + "  optional int64 timestamp (TIMESTAMP(MICROS,true));\n"
              + "  optional float ratio;\n"
              + "  optional double offset;\n"
              + "  optional binary name (STRING);\n"
              + "  required int32 sequence;\n"
              + "  optional fixed_len_byte_array(3) code;\n"
              + "  optional int96 legacy_time;\n"
              + "}");
  private static final int ROWS = 1_000;

  /** As the replayer writes a publication. */
  private static final Set<String> PLAIN_EVENT_TIME = Set.of("timestamp", "offset");

  @TempDir Path dir;

  static Stream<Arguments> layouts() {
    List<Arguments> layouts = new ArrayList<>();
    for (CompressionCodecName codec :
        List.of(
            CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY,
            CompressionCodecName.GZIP)) {
      for (WriterVersion version : WriterVersion.values()) {
        layouts.add(Arguments.of(codec, version));
      }
    }
    return layouts.stream();
  }

  /** Rows with every type, nulls in every optional column, repeated values for dictionaries. */
  private static List<Group> rows() {
    SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
    List<Group> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Group row = factory.newGroup();
      if (i % 3 != 0) {
        row.append("flag", i % 2 == 0);
      }
      if (i % 5 != 1) {
        row.append("count", i % 17 - 8);
      }
      if (i % 7 != 2) {
        row.append("timestamp", 1_700_000_000_000_000L + i * 20_000L);
      }
      if (i % 11 != 3) {
        row.append("ratio", i / 7f);
      }
      if (i % 13 != 4) {
        row.append("offset", i * 0.02 + 1e-9);
      }
      if (i % 4 != 0) {
        row.append("name", "car-" + (i % 9) + "-é");
      }
      row.append("sequence", i);
      if (i % 6 != 5) {
        row.append("code", Binary.fromString(String.format("%03d", i % 1000)));
      }
      if (i % 8 != 6) {
        byte[] int96 = new byte[12];
        Arrays.fill(int96, (byte) i);
        row.append("legacy_time", Binary.fromConstantByteArray(int96));
      }
      rows.add(row);
    }
    return rows;
  }

  private Path write(
      String name, List<Group> rows, CompressionCodecName codec, WriterVersion version)
      throws IOException {
    Path file = dir.resolve(name);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new Configuration(false))
            .withType(SCHEMA)
            .withCompressionCodec(codec)
            .withWriterVersion(version)
            // Small pages and row groups: several of each per column.
            .withPageRowCountLimit(100)
            .withRowGroupSize(4_096L)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (Group row : rows) {
        writer.write(row);
      }
    }
    return file;
  }

  private static List<String> readWithParquetMr(Path file) throws IOException {
    List<String> rows = new ArrayList<>();
    try (ParquetReader<Group> reader =
        ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
            .withConf(new Configuration(false))
            .build()) {
      for (Group row = reader.read(); row != null; row = reader.read()) {
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** A local file as the replayer hands it to the reader: named by its file name. */
  private static InputFile inputFile(Path file) throws IOException {
    return Location.local(file).storage().inputFile(file);
  }

  private static FlatFileReader readerOf(MessageType schema) {
    return new FlatFileReader(
        schema, actual -> actual.equals(schema) ? "" : "not " + schema.getName());
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void readsEveryValueAsParquetMrWroteItAndWritesItBackTheSame(
      CompressionCodecName codec, WriterVersion version) throws IOException {
    List<Group> written = rows();
    Path source = write("source.parquet", written, codec, version);
    FlatRows rows;
    try (FlatFileReader reader = readerOf(SCHEMA)) {
      rows = reader.read(inputFile(source));
    }

    assertThat(rows.count(), is(ROWS));
    for (int i = 0; i < ROWS; i++) {
      assertThat(rows.column(1).isNull(i), is(i % 5 == 1));
      assertThat(rows.column(4).number(i), is(i % 13 == 4 ? Double.NaN : i * 0.02 + 1e-9));
      assertThat(rows.column(6).number(i), is((double) i));
    }
    Path copy = dir.resolve("copy.parquet");
    try (FlatRowsWriter writer =
        FlatRowsWriter.open(
            new LocalOutputFile(copy), SCHEMA, Map.of("k", "v"), codec, PLAIN_EVENT_TIME)) {
      writer.write(rows);
    }
    assertThat(readWithParquetMr(copy), is(written.stream().map(Group::toString).toList()));
    assertThat(
        ParquetFiles.readFooter(inputFile(copy)).getKeyValueMetaData(), is(Map.of("k", "v")));
    assertThat(ParquetFiles.readSchema(copy), is(SCHEMA));
  }

  @Test
  void readsEveryFileOfTheRealDataSetBitForBitAsParquetAvroDoes() throws IOException {
    List<Path> files = ParquetRows.files(RealData.dir());
    assertThat(files.size(), is(RealData.FILES));
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      List<Path> topicFiles =
          files.stream()
              .filter(file -> file.getParent().getParent().getFileName().toString().equals(topic))
              .toList();
      // The files' own schema: pandas wrote them, so it differs from the topic's in details.
      MessageType schema = ParquetFiles.readSchema(topicFiles.get(0));
      try (FlatFileReader reader = readerOf(schema)) {
        for (Path file : topicFiles) {
          FlatRows rows = reader.read(inputFile(file));
          List<GenericRecord> expected = ParquetRows.read(file);
          assertThat(file.toString(), rows.count(), is(expected.size()));
          for (int row = 0; row < rows.count(); row++) {
            for (int c = 0; c < schema.getFieldCount(); c++) {
              assertThat(
                  file + " row " + row + " column " + c,
                  valueOf(rows, row, c),
                  is(valueOf(expected.get(row), c)));
            }
          }
        }
      }
    }
  }

  /** A value as text that tells apart any two values differing in any bit. */
  private static String valueOf(FlatRows rows, int row, int column) {
    Object value = rows.column(column).value(row);
    return value instanceof Binary binary ? binary.toStringUsingUTF8() : text(value);
  }

  private static String valueOf(GenericRecord row, int column) {
    return text(row.get(column));
  }

  private static String text(Object value) {
    return value instanceof Double d
        ? Long.toHexString(Double.doubleToRawLongBits(d))
        : String.valueOf(value);
  }

  @Test
  void writesTheColumnsItIsToldPlainAndTheOthersWithDictionaries() throws IOException {
    Path source =
        write("source.parquet", rows(), CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0);
    Path copy = dir.resolve("copy.parquet");
    try (FlatFileReader reader = readerOf(SCHEMA);
        FlatRowsWriter writer =
            FlatRowsWriter.open(
                new LocalOutputFile(copy),
                SCHEMA,
                Map.of(),
                CompressionCodecName.SNAPPY,
                PLAIN_EVENT_TIME)) {
      writer.write(reader.read(inputFile(source)));
    }

    Map<String, String> encodings = new TreeMap<>();
    try (ParquetFileReader file = ParquetFileReader.open(inputFile(copy))) {
      for (ColumnChunkMetaData chunk : file.getFooter().getBlocks().get(0).getColumns()) {
        encodings.put(
            chunk.getPath().toDotString(),
            (chunk.hasDictionaryPage() ? "dictionary " : "")
                + chunk.getEncodingStats().getDataEncodings());
      }
    }
    // The default: a dictionary for every column whose values repeat enough to gain from one.
    assertThat(encodings.get("name"), is("dictionary [PLAIN_DICTIONARY]"));
    assertThat(encodings.get("count"), is("dictionary [PLAIN_DICTIONARY]"));
    assertThat(encodings.get("timestamp"), is("[PLAIN]"));
    assertThat(encodings.get("offset"), is("[PLAIN]"));
  }

  @Test
  void setValuesReplaceTheReadOnes() throws IOException {
    Path source =
        write("source.parquet", rows(), CompressionCodecName.GZIP, WriterVersion.PARQUET_1_0);
    Path copy = dir.resolve("copy.parquet");
    try (FlatFileReader reader = readerOf(SCHEMA);
        FlatRowsWriter writer =
            FlatRowsWriter.open(
                new LocalOutputFile(copy),
                SCHEMA,
                Map.of(),
                CompressionCodecName.SNAPPY,
                Set.of())) {
      FlatRows rows = reader.read(inputFile(source));
      rows.column(2).setLong(0, 42);
      rows.column(2).setNull(1);
      writer.write(rows);
    }
    List<String> copied = readWithParquetMr(copy);
    assertThat(copied.get(0), containsString("timestamp: 42\n"));
    assertThat(copied.get(1).contains("timestamp"), is(false));
  }

  @Test
  void aFileOfAnotherSchemaIsRefusedWithTheDifferenceAskedOncePerSchema() throws IOException {
    Path source =
        write("source.parquet", rows(), CompressionCodecName.GZIP, WriterVersion.PARQUET_1_0);
    MessageType other =
        MessageTypeParser.parseMessageType("message other { optional int32 count; }");
    AtomicInteger judged = new AtomicInteger();
    try (FlatFileReader reader =
        new FlatFileReader(
            other, actual -> judged.incrementAndGet() > 0 ? "missing column count" : "")) {
      for (int round = 0; round < 2; round++) {
        WrongSchemaException e =
            assertThrows(WrongSchemaException.class, () -> reader.read(inputFile(source)));
        assertThat(e.difference(), is("missing column count"));
      }
    }
    assertThat(judged.get(), is(2));

    AtomicInteger accepted = new AtomicInteger();
    try (FlatFileReader reader =
        new FlatFileReader(SCHEMA, actual -> accepted.incrementAndGet() > 0 ? "" : "never")) {
      reader.read(inputFile(source));
      reader.read(inputFile(source));
    }
    assertThat("a schema once accepted is not judged again", accepted.get(), is(1));
  }

  @Test
  void aCutOrDamagedFileIsAnErrorThatSaysWhy() throws IOException {
    Path source =
        write("source.parquet", rows(), CompressionCodecName.GZIP, WriterVersion.PARQUET_1_0);
    byte[] bytes = Files.readAllBytes(source);
    Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    Path text =
        Files.write(dir.resolve("text.parquet"), "not data".getBytes(StandardCharsets.US_ASCII));
    byte[] damaged = bytes.clone();
    // The first column chunks, from just after the leading magic number.
    for (int i = 4; i < 200; i++) {
      damaged[i] ^= (byte) 0x5a;
    }
    Path broken = Files.write(dir.resolve("broken.parquet"), damaged);
    try (FlatFileReader reader = readerOf(SCHEMA)) {
      assertThat(
          assertThrows(IOException.class, () -> reader.read(inputFile(cut))).getMessage(),
          containsString("cut.parquet is not a Parquet file. Expected magic number at tail"));
      assertThat(
          assertThrows(IOException.class, () -> reader.read(inputFile(text))).getMessage(),
          containsString("text.parquet is not a Parquet file (length is too low: 8)"));
      // The damage lands in the first page header: a Thrift structure with a field of no type.
      assertThat(
          assertThrows(IOException.class, () -> reader.read(inputFile(broken))).getMessage(),
          containsString("can not read class org.apache.parquet.format.PageHeader"));
      assertThat("the reader is still usable", reader.read(inputFile(source)).count(), is(ROWS));
    }
  }

  @Test
  void pagesHoldingMoreValuesThanTheirChunkAreAnErrorThatSaysWhy() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message m { required int64 n; }");
    Path file = dir.resolve("pages.parquet");
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new Configuration(false))
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withDictionaryEncoding(false)
            .withPageRowCountLimit(100)
            .build()) {
      SimpleGroupFactory factory = new SimpleGroupFactory(schema);
      for (long i = 0; i < 200; i++) {
        writer.write(factory.newGroup().append("n", i));
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    // The first page header's num_values, 100 (compact protocol: field 1, i32, zigzag varint c8
    // 01),
    // made 101.
    int at = 4;
    while (!(bytes[at] == 0x15 && bytes[at + 1] == (byte) 0xc8 && bytes[at + 2] == 0x01)) {
      at++;
    }
    bytes[at + 1] = (byte) 0xca;
    Path damaged = Files.write(dir.resolve("damaged.parquet"), bytes);

    try (FlatFileReader reader = readerOf(schema)) {
      assertThat(reader.read(inputFile(file)).count(), is(200));
      assertThat(
          assertThrows(IOException.class, () -> reader.read(inputFile(damaged))).getMessage(),
          containsString(
              "Expected 200 values in column chunk at damaged.parquet offset 4 but got 201 values"));
    }
  }

  @Test
  void refusesNestedOrRepeatedSchemas() {
    for (String schema :
        List.of(
            "message m { optional group g { optional int32 a; } }",
            "message m { repeated int32 a; }")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> readerOf(MessageTypeParser.parseMessageType(schema)));
      assertThat(e.getMessage(), containsString("only flat schemas"));
    }
  }
}

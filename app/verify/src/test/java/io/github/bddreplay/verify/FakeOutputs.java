package io.github.bddreplay.verify;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.oracle.BatchOracle;
import io.github.bddreplay.fixtures.oracle.ExpectedWindow;
import io.github.bddreplay.fixtures.oracle.OutputRows;
import io.github.bddreplay.fixtures.oracle.OutputSchemas;
import io.github.bddreplay.fixtures.oracle.Pane;
import io.github.bddreplay.fixtures.oracle.RowFingerprint;
import io.github.bddreplay.fixtures.oracle.WindowKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The outputs a correct run writes for an oracle's answer, in the pipelines' layout and schemas as
 * the README describes them (defined here from that description, not taken from the pipelines'
 * code), held as rows that a test may change before {@link #write} puts them into Parquet files:
 * one file per window and pane (windowed) or per window and bundle (simple, stream-joined), as the
 * sink writes them.
 *
 * <p>Each route window of windowed gets an EARLY pane 0 with an earlier, different answer, and an
 * ON_TIME pane 1 with the final one, so the final pane is what a reader must take. stream-joined
 * has append semantics: each row of the join once, a route window's rows spread over two files.
 */
final class FakeOutputs {
  static final Schema WINDOWED = OutputSchemas.WINDOWED;
  static final Schema JOINED = OutputSchemas.JOINED;
  static final String EARLY = "EARLY";
  static final String ON_TIME = "ON_TIME";

  private static final DateTimeFormatter BASIC_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  final Map<String, List<GenericRecord>> simple = new LinkedHashMap<>();
  final List<GenericRecord> windowed = new ArrayList<>();
  final List<GenericRecord> joined = new ArrayList<>();

  private FakeOutputs() {}

  static FakeOutputs of(BatchOracle oracle) {
    FakeOutputs outputs = new FakeOutputs();
    outputs.simple.put(
        Topic.LOCATIONS.folderName(),
        copies(oracle.source().locations(), Topic.LOCATIONS.folderName()));
    outputs.simple.put(
        Topic.ACCELERATIONS.folderName(),
        copies(oracle.source().accelerations(), Topic.ACCELERATIONS.folderName()));
    oracle.windowed().forEach((key, window) -> outputs.addWindowed(key, window));
    oracle.joined().forEach((key, rows) -> outputs.addJoined(key, rows));
    return outputs;
  }

  /** Writes every output under {@code results}/output. */
  void write(Path results) throws IOException {
    Path output = results.resolve(StreamLayout.OUTPUT);
    for (Map.Entry<String, List<GenericRecord>> topic : simple.entrySet()) {
      Schema schema = topicSchema(topic.getKey());
      Map<String, List<GenericRecord>> byWindow = new TreeMap<>();
      for (GenericRecord row : topic.getValue()) {
        WindowKey key = WindowKey.containing(text(row.get("uuid")), (Long) row.get("timestamp"));
        byWindow.computeIfAbsent(fileName(key, "rows"), name -> new ArrayList<>()).add(row);
      }
      writeFiles(output.resolve("simple").resolve(topic.getKey()), schema, byWindow);
    }
    writeFiles(output.resolve("windowed"), WINDOWED, byWindowAndPane(windowed));
    writeFiles(output.resolve("stream-joined"), JOINED, inTwoFilesPerWindow(joined));
  }

  /** The row of {@code rows} in route window {@code key} and pane {@code pane}, the first one. */
  static GenericRecord find(List<GenericRecord> rows, WindowKey key, long pane) {
    return rows.stream()
        .filter(row -> key(row).equals(key) && (Long) row.get("pane_index") == pane)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no pane " + pane + " of " + key));
  }

  static WindowKey key(GenericRecord row) {
    return new WindowKey(
        text(row.get("uuid")), (Long) row.get("window_start"), (Long) row.get("window_end"));
  }

  private void addWindowed(WindowKey key, ExpectedWindow window) {
    String rideId = window.rideIds().isEmpty() ? null : window.rideIds().iterator().next();
    Double earlierMean = window.meanSpeed() == null ? 1.0 : window.meanSpeed() + 1.0;
    windowed.add(
        OutputRows.windowed(
            key,
            rideId,
            earlierMean,
            Math.max(0, window.fixCount() - 1),
            window.invalidSpeedCount(),
            new Pane(0, EARLY)));
    windowed.add(
        OutputRows.windowed(
            key,
            rideId,
            window.meanSpeed(),
            window.fixCount(),
            window.invalidSpeedCount(),
            new Pane(1, ON_TIME)));
  }

  private void addJoined(WindowKey key, Map<RowFingerprint, Long> rows) {
    List<RowFingerprint> all = new ArrayList<>();
    rows.forEach(
        (row, count) -> {
          for (long i = 0; i < count; i++) {
            all.add(row);
          }
        });
    all.forEach(row -> joined.add(joinedRow(key, row)));
  }

  private static GenericRecord joinedRow(WindowKey key, RowFingerprint sides) {
    GenericRecord row = OutputRows.withWindow(JOINED, key);
    for (String column : BatchOracle.JOINED_COLUMNS) {
      Object value = sides.get(column);
      row.put(
          column,
          value instanceof RowFingerprint.DoubleBits bits
              ? Double.longBitsToDouble(bits.rawBits())
              : value);
    }
    return row;
  }

  private static Schema topicSchema(String topic) {
    return Topic.toAvro(Topic.named(topic).parquetSchema());
  }

  private static List<GenericRecord> copies(List<GenericRecord> rows, String topic) {
    Schema schema = topicSchema(topic);
    List<GenericRecord> copies = new ArrayList<>();
    for (GenericRecord row : rows) {
      GenericRecord copy = new GenericData.Record(schema);
      schema.getFields().forEach(field -> copy.put(field.name(), row.get(field.name())));
      copies.add(copy);
    }
    return copies;
  }

  private static Map<String, List<GenericRecord>> byWindowAndPane(List<GenericRecord> rows) {
    Map<String, List<GenericRecord>> files = new TreeMap<>();
    for (GenericRecord row : rows) {
      files
          .computeIfAbsent(
              fileName(key(row), "pane" + row.get("pane_index")), name -> new ArrayList<>())
          .add(row);
    }
    return files;
  }

  /** A route window's rows alternately into two files, as two bundles would write them. */
  private static Map<String, List<GenericRecord>> inTwoFilesPerWindow(List<GenericRecord> rows) {
    Map<String, List<GenericRecord>> files = new TreeMap<>();
    Map<WindowKey, Integer> seen = new HashMap<>();
    for (GenericRecord row : rows) {
      int index = seen.merge(key(row), 1, Integer::sum);
      files
          .computeIfAbsent(fileName(key(row), "bundle" + index % 2), name -> new ArrayList<>())
          .add(row);
    }
    return files;
  }

  private static String fileName(WindowKey key, String tag) {
    return "window-"
        + basicUtc(key.windowStartMicros())
        + "-"
        + basicUtc(key.windowEndMicros())
        + "-"
        + tag
        + ".parquet";
  }

  private static String basicUtc(long micros) {
    return BASIC_UTC.format(Instant.ofEpochMilli(micros / 1000));
  }

  private static void writeFiles(Path dir, Schema schema, Map<String, List<GenericRecord>> files)
      throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, List<GenericRecord>> file : files.entrySet()) {
      try (ParquetWriter<GenericRecord> writer =
          ParquetFiles.openWriter(
              dir.resolve(file.getKey()), schema, CompressionCodecName.SNAPPY)) {
        for (GenericRecord row : file.getValue()) {
          writer.write(row);
        }
      }
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}

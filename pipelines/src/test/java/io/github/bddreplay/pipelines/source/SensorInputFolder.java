package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A replay's input folder for tests, published into the way the replayer does it: each file is
 * written in a staging folder next to the input and moved in atomically; the end-of-stream marker
 * comes last. Also makes input from the real data set, with its timestamps rewritten as the
 * replayer does (start + offset, in epoch microseconds).
 */
final class SensorInputFolder {
  /** An instant well inside the allowed range, aligned on a 15 s window start. */
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private final Path input;
  private final Path staging;
  private final Path errors;

  SensorInputFolder(Path root) {
    this.input = root.resolve("input");
    this.staging = root.resolve("staging");
    this.errors = root.resolve("errors");
    try {
      Files.createDirectories(input);
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path input() {
    return input;
  }

  Path errors() {
    return errors;
  }

  /**
   * Continuous reading of this folder, polling every 20 ms, dead letters in {@link #errors()}, the
   * end of stream right after the last file.
   */
  SensorSourceConfig config() {
    return SensorSourceConfig.continuous(input.toString())
        .withErrorsDir(errors.toString())
        .withPollInterval(Duration.millis(20))
        .withEndOfStreamHold(Duration.ZERO);
  }

  /** A file written in staging, to be published later. */
  record StagedFile(Path staged, String relativePath, Topic topic, List<GenericRecord> rows) {}

  /** Writes {@code rows} into staging as the file {@code relativePath} of the input. */
  StagedFile stage(String relativePath, Topic topic, List<GenericRecord> rows) {
    return stage(relativePath, topic, topic.schema(), rows);
  }

  StagedFile stage(String relativePath, Topic topic, Schema schema, List<GenericRecord> rows) {
    Path staged = staging.resolve(relativePath);
    try {
      Files.createDirectories(staged.getParent());
      try (ParquetWriter<GenericRecord> writer =
          ParquetFiles.openWriter(staged, schema, CompressionCodecName.GZIP)) {
        for (GenericRecord row : rows) {
          writer.write(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StagedFile(staged, relativePath, topic, List.copyOf(rows));
  }

  /** Moves a staged file into the input, atomically. */
  void publish(StagedFile file) {
    move(file.staged(), file.relativePath());
  }

  /** Writes and publishes a file of rows of the canonical schema. */
  StagedFile publish(String relativePath, Topic topic, List<GenericRecord> rows) {
    StagedFile file = stage(relativePath, topic, rows);
    publish(file);
    return file;
  }

  /** Publishes a file with exactly {@code bytes} in it (for bad input). */
  void publishBytes(String relativePath, byte[] bytes) {
    Path staged = staging.resolve(relativePath);
    try {
      Files.createDirectories(staged.getParent());
      Files.write(staged, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    move(staged, relativePath);
  }

  private void move(Path staged, String relativePath) {
    Path target = input.resolve(relativePath);
    try {
      Files.createDirectories(target.getParent());
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the end-of-stream marker. */
  void complete() {
    try {
      Files.writeString(input.resolve(InputFolder.END_OF_STREAM_MARKER), "replay complete\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long micros(Instant time) {
    return time.getMillis() * 1000L;
  }

  static GenericRecord location(String uuid, Instant time, double speed) {
    GenericRecord row = new GenericData.Record(Topic.LOCATIONS.schema());
    row.put("uuid", uuid);
    row.put("timestamp", micros(time));
    row.put("speed", speed);
    row.put("latitude", 40.7);
    return row;
  }

  static GenericRecord acceleration(String uuid, Instant time, double x) {
    GenericRecord row = new GenericData.Record(Topic.ACCELERATIONS.schema());
    row.put("uuid", uuid);
    row.put("timestamp", micros(time));
    row.put("x", x);
    return row;
  }

  /** The real data set; fails (never skips) when it is missing. */
  static Path bddDir() {
    return RealData.dir();
  }

  /**
   * Stages the real data set's first {@code slices} slices of both topics with the timestamps a
   * replay starting at {@link #START} writes, in publication order (slice, topic, name).
   */
  List<StagedFile> stageRealSlices(int slices) {
    Path bdd = bddDir();
    List<StagedFile> staged = new ArrayList<>();
    for (String slice : firstSliceFolders(bdd, slices)) {
      for (Topic topic : List.of(Topic.ACCELERATIONS, Topic.LOCATIONS)) {
        for (Path source : list(bdd.resolve(topic.folderName()).resolve(slice))) {
          staged.add(stageReal(source, topic, slice));
        }
      }
    }
    return staged;
  }

  private StagedFile stageReal(Path source, Topic topic, String slice) {
    List<GenericRecord> rows = new ArrayList<>();
    Schema schema = null;
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(source)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        double offset = (Double) row.get("offset");
        row.put("timestamp", micros(START) + Math.round(offset * 1_000_000));
        rows.add(row);
        schema = row.getSchema();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String relativePath = topic.folderName() + "/" + slice + "/" + source.getFileName();
    return stage(relativePath, topic, schema == null ? topic.schema() : schema, rows);
  }

  private static List<String> firstSliceFolders(Path bdd, int slices) {
    return list(bdd.resolve("locations")).stream()
        .map(p -> p.getFileName().toString())
        .limit(slices)
        .toList();
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A row as the source delivers it: projected onto the topic's canonical schema. */
  static GenericRecord canonical(Topic topic, GenericRecord row) {
    GenericRecord projected = new GenericData.Record(topic.schema());
    for (Schema.Field field : topic.schema().getFields()) {
      if (row.getSchema().getField(field.name()) != null) {
        projected.put(field.name(), row.get(field.name()));
      }
    }
    return projected;
  }

  /** The canonical rows of {@code files} of one topic. */
  static List<GenericRecord> canonicalRows(List<StagedFile> files, Topic topic) {
    return files.stream()
        .filter(f -> f.topic() == topic)
        .flatMap(f -> f.rows().stream())
        .map(row -> canonical(topic, row))
        .toList();
  }
}

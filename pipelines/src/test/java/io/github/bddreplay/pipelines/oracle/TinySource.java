package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.parquet.BddSchemas;
import io.github.bddreplay.parquet.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Small hand-made source folders in the layout of the real data set ({@code
 * <topic>/t=NNN.N/<uuid>.parquet}), for tests with answers known in advance. Every row gets a
 * distinct id, so rows are told apart by their fingerprints.
 */
final class TinySource {
  /** A replay start aligned on a 15 s window. */
  static final long START_MICROS = micros("2026-11-24T10:00:00Z");

  /** What the source holds in {@code timestamp}: epoch seconds, which the replay overwrites. */
  private static final long SOURCE_TIMESTAMP = 1_480_000_000L;

  private final Path root;
  private int rowsMade;

  /** A source folder at {@code root} with both topic folders, still empty. */
  TinySource(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve(BddSchemas.LOCATIONS));
      Files.createDirectories(root.resolve(BddSchemas.ACCELERATIONS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path root() {
    return root;
  }

  static long micros(String instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
  }

  GenericRecord location(String uuid, String rideId, Double offset, Double speed) {
    int n = ++rowsMade;
    GenericRecord row = new GenericData.Record(BddSchemas.LOCATIONS_AVRO);
    common(row, "loc-" + n, uuid, rideId, offset);
    row.put("course", 90.0 + n);
    row.put("latitude", 37.87 + n * 1e-4);
    row.put("longitude", -122.26 - n * 1e-4);
    row.put("geohash", "9q9p" + n);
    row.put("speed", speed);
    row.put("accuracy", 5.0);
    return row;
  }

  GenericRecord acceleration(String uuid, String rideId, Double offset) {
    int n = ++rowsMade;
    GenericRecord row = new GenericData.Record(BddSchemas.ACCELERATIONS_AVRO);
    common(row, "acc-" + n, uuid, rideId, offset);
    row.put("x", 0.01 * n);
    row.put("y", -0.02 * n);
    row.put("z", 9.81);
    return row;
  }

  private static void common(GenericRecord row, String id, String uuid, String rideId, Double offset) {
    row.put("id", id);
    row.put("ride_id", rideId);
    row.put("uuid", uuid);
    row.put("timestamp", SOURCE_TIMESTAMP);
    row.put("offset", offset);
    row.put("timelapse", false);
    row.put("filename", uuid + ".mov");
  }

  /** Writes {@code rows} as {@code <topic>/t=<slice>/<name>.parquet}, as pandas would: GZIP. */
  Path write(String topic, String slice, String name, List<GenericRecord> rows) throws IOException {
    Path file = root.resolve(topic).resolve("t=" + slice).resolve(name + ".parquet");
    writeParquet(file, rows.isEmpty() ? schema(topic) : rows.get(0).getSchema(), rows);
    return file;
  }

  static void writeParquet(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.openWriter(file, schema, CompressionCodecName.GZIP)) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }

  private static Schema schema(String topic) {
    return BddSchemas.toAvro(BddSchemas.parquetSchema(topic));
  }
}

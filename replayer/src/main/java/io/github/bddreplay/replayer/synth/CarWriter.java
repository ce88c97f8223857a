package io.github.bddreplay.replayer.synth;

import ch.hsr.geohash.GeoHash;
import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes one car's rows: per slice window, {@code <topic>/t=NNN.N/<uuid>.parquet} for each topic it
 * has rows in. Cars own disjoint files, so cars can be written in parallel.
 */
final class CarWriter {
  static final int GEOHASH_CHARACTERS = 12;

  private final Path out;
  private final CompressionCodecName codec;

  CarWriter(Path out, CompressionCodecName codec) {
    this.out = out;
    this.codec = codec;
  }

  /** Rows written per topic. */
  record Written(TopicCounts locations, TopicCounts accelerations) {}

  Written write(CarPlan plan, Drive drive) throws IOException {
    GenericData.Record location = carRecord(Topic.LOCATIONS.schema(), plan.identity());
    GenericData.Record acceleration = carRecord(Topic.ACCELERATIONS.schema(), plan.identity());
    TopicCounts locations = TopicCounts.NONE;
    TopicCounts accelerations = TopicCounts.NONE;
    for (SliceWindow window : plan.windows()) {
      if (window.hasLocations(plan.gpsPhase())) {
        Path file = file(Topic.LOCATIONS.folderName(), window.time(), plan);
        long rows = 0;
        try (ParquetWriter<GenericRecord> writer =
            ParquetFiles.openWriter(file, Topic.LOCATIONS.schema(), codec)) {
          for (int step = window.firstFixStep(plan.gpsPhase());
              step <= window.lastStep();
              step += CarPlan.STEPS_PER_FIX) {
            fillLocation(location, plan, drive, step);
            writer.write(location);
            rows++;
          }
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
        locations = locations.plus(new TopicCounts(1, rows));
      }
      if (window.hasAccelerations()) {
        Path file = file(Topic.ACCELERATIONS.folderName(), window.time(), plan);
        try (ParquetWriter<GenericRecord> writer =
            ParquetFiles.openWriter(file, Topic.ACCELERATIONS.schema(), codec)) {
          for (int step = window.firstStep(); step <= window.lastStep(); step++) {
            fillAcceleration(acceleration, plan, drive, step);
            writer.write(acceleration);
          }
        } catch (IOException e) {
          throw cannotWrite(file, e);
        }
        accelerations =
            accelerations.plus(new TopicCounts(1, window.lastStep() - window.firstStep() + 1));
      }
    }
    return new Written(locations, accelerations);
  }

  private Path file(String topic, SliceTime time, CarPlan plan) {
    return out.resolve(topic)
        .resolve(time.folderName())
        .resolve(plan.identity().uuid() + ".parquet");
  }

  private static IOException cannotWrite(Path file, IOException e) {
    return new IOException("cannot write " + file + ": " + e.getMessage(), e);
  }

  /** A record holding the columns that stay the same over all rows of the car. */
  private static GenericData.Record carRecord(Schema schema, CarIdentity car) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put("id", car.id());
    record.put("ride_id", car.rideId());
    record.put("uuid", car.uuid());
    record.put("timelapse", false);
    record.put("filename", car.filename());
    return record;
  }

  private static void fillLocation(GenericData.Record row, CarPlan plan, Drive drive, int step) {
    double latitude = drive.latitude(step);
    double longitude = drive.longitude(step);
    row.put("timestamp", plan.timestamp(step));
    row.put("offset", plan.offset(step));
    row.put("course", drive.course(step));
    row.put("latitude", latitude);
    row.put("longitude", longitude);
    row.put(
        "geohash",
        GeoHash.geoHashStringWithCharacterPrecision(latitude, longitude, GEOHASH_CHARACTERS));
    row.put("speed", drive.speed(step));
    row.put("accuracy", drive.accuracy(step));
  }

  private static void fillAcceleration(
      GenericData.Record row, CarPlan plan, Drive drive, int step) {
    row.put("timestamp", plan.timestamp(step));
    row.put("offset", plan.offset(step));
    row.put("x", drive.x(step));
    row.put("y", drive.y(step));
    row.put("z", drive.z(step));
  }
}

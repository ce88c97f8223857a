package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.contract.Topic;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/** Source rows for tests, shaped like the replayer's output (timestamp = event time, micros). */
public final class BddRows {
  /** Start of a 15 s window aligned on the epoch; the tests' first window. */
  public static final Instant T0 = Instant.parse("2026-11-24T15:30:00Z");

  public static final AvroCoder<GenericRecord> LOCATION_CODER =
      AvroCoder.of(GenericRecord.class, Topic.LOCATIONS.schema());
  public static final AvroCoder<GenericRecord> ACCELERATION_CODER =
      AvroCoder.of(GenericRecord.class, Topic.ACCELERATIONS.schema());

  private BddRows() {}

  /** The {@code n}-th 15 s window from {@link #T0}. */
  public static IntervalWindow window(int n) {
    Instant start = T0.plus(Duration.standardSeconds(15L * n));
    return new IntervalWindow(start, start.plus(Duration.standardSeconds(15)));
  }

  public static Instant at(double secondsAfterT0) {
    return T0.plus(Duration.millis(Math.round(secondsAfterT0 * 1000)));
  }

  public static TimestampedValue<GenericRecord> location(
      String id, String uuid, String rideId, double secondsAfterT0, Double speed) {
    Instant eventTime = at(secondsAfterT0);
    GenericRecord row = new GenericData.Record(Topic.LOCATIONS.schema());
    row.put("id", id);
    row.put("ride_id", rideId);
    row.put("uuid", uuid);
    row.put("timestamp", eventTime.getMillis() * 1000L);
    row.put("offset", secondsAfterT0);
    row.put("course", 90.0);
    row.put("latitude", 37.87);
    row.put("longitude", -122.26);
    row.put("geohash", "9q9p3");
    row.put("speed", speed);
    row.put("accuracy", 5.0);
    row.put("timelapse", false);
    row.put("filename", uuid + ".mov");
    return TimestampedValue.of(row, eventTime);
  }

  public static TimestampedValue<GenericRecord> acceleration(
      String id, String uuid, double secondsAfterT0) {
    Instant eventTime = at(secondsAfterT0);
    GenericRecord row = new GenericData.Record(Topic.ACCELERATIONS.schema());
    row.put("id", id);
    row.put("ride_id", "ride-of-" + uuid);
    row.put("uuid", uuid);
    row.put("timestamp", eventTime.getMillis() * 1000L);
    row.put("offset", secondsAfterT0);
    row.put("x", 0.1);
    row.put("y", -0.2);
    row.put("z", 9.81);
    row.put("timelapse", false);
    row.put("filename", uuid + ".mov");
    return TimestampedValue.of(row, eventTime);
  }
}

package io.github.bddreplay.pipelines.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The output of the windowed pipeline: one row per route, window and pane. */
public final class MeanSpeedRow {
  public static final String UUID = "uuid";
  public static final String RIDE_ID = "ride_id";
  public static final String MEAN_SPEED = "mean_speed";
  public static final String FIX_COUNT = "fix_count";
  public static final String INVALID_SPEED_COUNT = "invalid_speed_count";

  public static final Schema SCHEMA = buildSchema();

  private MeanSpeedRow() {}

  public static GenericRecord of(String uuid, MeanSpeedAccumulator speeds, WindowPane pane) {
    GenericRecord row = new GenericData.Record(SCHEMA);
    row.put(UUID, uuid);
    row.put(RIDE_ID, speeds.rideId());
    row.put(MEAN_SPEED, speeds.meanSpeed());
    row.put(FIX_COUNT, speeds.fixCount());
    row.put(INVALID_SPEED_COUNT, speeds.invalidSpeedCount());
    pane.writeTo(row);
    return row;
  }

  private static Schema buildSchema() {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(nullableField(UUID, Schema.Type.STRING));
    fields.add(nullableField(RIDE_ID, Schema.Type.STRING));
    fields.addAll(WindowPane.windowFields());
    fields.add(nullableField(MEAN_SPEED, Schema.Type.DOUBLE));
    fields.add(new Schema.Field(FIX_COUNT, Schema.create(Schema.Type.LONG)));
    fields.add(new Schema.Field(INVALID_SPEED_COUNT, Schema.create(Schema.Type.LONG)));
    fields.addAll(WindowPane.paneFields());
    return Schema.createRecord(
        "windowed_speed",
        "Mean speed of one route (car uuid) in one event-time window, as of one pane.",
        "io.github.bddreplay.pipelines",
        false,
        fields);
  }

  private static Schema.Field nullableField(String name, Schema.Type type) {
    return new Schema.Field(
        name,
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(type)),
        null,
        Schema.Field.NULL_DEFAULT_VALUE);
  }
}

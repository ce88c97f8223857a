package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.parquet.BddSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Rows shaped as the pipelines' specification describes their outputs, written by hand for the
 * reader's and the assertions' tests. Deliberately defined here from the spec, not taken from the
 * pipelines' code.
 */
final class FakeOutputs {
  static final Schema WINDOWED = windowedSchema();
  static final Schema JOINED = joinedSchema();

  private FakeOutputs() {}

  static GenericRecord windowedRow(
      WindowKey key, String rideId, Double meanSpeed, long fixCount, long invalidSpeedCount, Pane pane) {
    GenericRecord row = new GenericData.Record(WINDOWED);
    putWindow(row, key);
    row.put("ride_id", rideId);
    row.put("mean_speed", meanSpeed);
    row.put("fix_count", fixCount);
    row.put("invalid_speed_count", invalidSpeedCount);
    putPane(row, pane);
    return row;
  }

  /** A joined row; {@code location} or {@code acceleration} is null for the missing side. */
  static GenericRecord joinedRow(
      WindowKey key, GenericRecord location, GenericRecord acceleration, Pane pane) {
    GenericRecord row = new GenericData.Record(JOINED);
    putWindow(row, key);
    putSide(row, "loc_", location);
    putSide(row, "acc_", acceleration);
    putPane(row, pane);
    return row;
  }

  private static void putWindow(GenericRecord row, WindowKey key) {
    row.put("uuid", key.uuid());
    row.put("window_start", key.windowStartMicros());
    row.put("window_end", key.windowEndMicros());
  }

  private static void putPane(GenericRecord row, Pane pane) {
    row.put("pane_index", pane.index());
    row.put("pane_timing", pane.timing());
  }

  private static void putSide(GenericRecord row, String prefix, GenericRecord side) {
    if (side != null) {
      for (Schema.Field field : side.getSchema().getFields()) {
        row.put(prefix + field.name(), side.get(field.name()));
      }
    }
  }

  private static Schema windowedSchema() {
    List<Schema.Field> fields = new ArrayList<>(windowFields());
    fields.add(nullable("ride_id", Schema.create(Schema.Type.STRING)));
    fields.add(nullable("mean_speed", Schema.create(Schema.Type.DOUBLE)));
    fields.add(new Schema.Field("fix_count", Schema.create(Schema.Type.LONG)));
    fields.add(new Schema.Field("invalid_speed_count", Schema.create(Schema.Type.LONG)));
    fields.addAll(paneFields());
    return Schema.createRecord("windowed_speed", null, "test", false, fields);
  }

  private static Schema joinedSchema() {
    List<Schema.Field> fields = new ArrayList<>(windowFields());
    // Every source column is optional, so its schema already admits the null of a missing side.
    for (Schema.Field field : BddSchemas.LOCATIONS_AVRO.getFields()) {
      fields.add(nullable("loc_" + field.name(), field.schema()));
    }
    for (Schema.Field field : BddSchemas.ACCELERATIONS_AVRO.getFields()) {
      fields.add(nullable("acc_" + field.name(), field.schema()));
    }
    fields.addAll(paneFields());
    return Schema.createRecord("stream_joined", null, "test", false, fields);
  }

  private static List<Schema.Field> windowFields() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return List.of(
        nullable("uuid", Schema.create(Schema.Type.STRING)),
        new Schema.Field("window_start", micros),
        new Schema.Field("window_end", micros));
  }

  private static List<Schema.Field> paneFields() {
    return List.of(
        new Schema.Field("pane_index", Schema.create(Schema.Type.LONG)),
        new Schema.Field("pane_timing", Schema.create(Schema.Type.STRING)));
  }

  private static Schema.Field nullable(String name, Schema type) {
    Schema schema = type.isNullable() ? type : Schema.createUnion(Schema.create(Schema.Type.NULL), type);
    return new Schema.Field(name, schema, null, Schema.Field.NULL_DEFAULT_VALUE);
  }
}

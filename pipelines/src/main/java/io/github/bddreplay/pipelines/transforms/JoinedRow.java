package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.contract.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;

/**
 * The output of the stream-joined pipeline: the route's {@code uuid}, the window, every location
 * column prefixed {@code loc_} and every acceleration column prefixed {@code acc_}. No pane
 * columns: each row is final when written (append semantics, {@link FullOuterJoinPerRoute}). The
 * side columns keep the source types and are all nullable, because a row without a partner in its
 * window is padded with nulls on the missing side.
 */
public final class JoinedRow {
  public static final String UUID = "uuid";
  public static final String LOCATION_PREFIX = "loc_";
  public static final String ACCELERATION_PREFIX = "acc_";

  /** Null exactly on the padded side of a row without partner: every source row has a timestamp. */
  public static final String LOCATION_TIMESTAMP = LOCATION_PREFIX + Topic.TIMESTAMP;

  public static final String ACCELERATION_TIMESTAMP = ACCELERATION_PREFIX + Topic.TIMESTAMP;

  public static final Schema SCHEMA = buildSchema();

  // Where each source field goes, in the order of the topic schemas' fields: a joined row is built
  // millions of times per run, and looking up prefixed names cost a fifth of building it.
  private static final int[] LOCATION_POSITIONS =
      positions(Topic.LOCATIONS.schema(), LOCATION_PREFIX);
  private static final int[] ACCELERATION_POSITIONS =
      positions(Topic.ACCELERATIONS.schema(), ACCELERATION_PREFIX);

  private JoinedRow() {}

  /** One joined row; {@code location} or {@code acceleration} is null for a row without partner. */
  public static GenericRecord of(
      String uuid, GenericRecord location, GenericRecord acceleration, IntervalWindow window) {
    GenericRecord row = new GenericData.Record(SCHEMA);
    row.put(UUID, uuid);
    WindowPane.writeWindow(window, row);
    copy(location, Topic.LOCATIONS.schema(), LOCATION_POSITIONS, row);
    copy(acceleration, Topic.ACCELERATIONS.schema(), ACCELERATION_POSITIONS, row);
    return row;
  }

  /**
   * Copies of the fields of {@code source}, renamed with {@code prefix} and made nullable where
   * they were not, so either side can be padded with nulls.
   */
  static List<Schema.Field> prefixedFields(Schema source, String prefix) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : source.getFields()) {
      fields.add(
          new Schema.Field(
              prefix + field.name(),
              nullable(field.schema()),
              field.doc(),
              Schema.Field.NULL_DEFAULT_VALUE));
    }
    return fields;
  }

  private static Schema nullable(Schema schema) {
    return schema.isNullable()
        ? schema
        : Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
  }

  private static int[] positions(Schema source, String prefix) {
    return source.getFields().stream()
        .mapToInt(field -> SCHEMA.getField(prefix + field.name()).pos())
        .toArray();
  }

  /** Copies the fields of {@code source} by name, so a file's own column order does not matter. */
  private static void copy(
      GenericRecord source, Schema sourceSchema, int[] positions, GenericRecord row) {
    if (source == null) {
      return;
    }
    List<Schema.Field> fields = sourceSchema.getFields();
    for (int i = 0; i < positions.length; i++) {
      row.put(positions[i], source.get(fields.get(i).name()));
    }
  }

  private static Schema buildSchema() {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(
        new Schema.Field(
            UUID,
            Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
            null,
            Schema.Field.NULL_DEFAULT_VALUE));
    fields.addAll(WindowPane.windowFields());
    fields.addAll(prefixedFields(Topic.LOCATIONS.schema(), LOCATION_PREFIX));
    fields.addAll(prefixedFields(Topic.ACCELERATIONS.schema(), ACCELERATION_PREFIX));
    return Schema.createRecord(
        "stream_joined",
        "Full outer join of locations and accelerations on uuid within one event-time window,"
            + " each row written once, final.",
        "io.github.bddreplay.pipelines",
        false,
        fields);
  }
}

package io.github.bddreplay.verify;

import io.github.bddreplay.contract.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The columns of the topics and of the pipelines' outputs, as verify reads them. The topics' come
 * from {@link Topic}; the outputs' are the layout the README's table of pipelines gives: window
 * columns around the values, pane columns in windowed's, the join's sides prefixed {@code loc_} and
 * {@code acc_}.
 */
final class Schemas {
  static final String UUID = "uuid";
  static final String TIMESTAMP = "timestamp";
  static final String OFFSET = "offset";
  static final String SPEED = "speed";
  static final String RIDE_ID = "ride_id";
  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";
  static final String PANE_INDEX = "pane_index";
  static final String PANE_TIMING = "pane_timing";
  static final String MEAN_SPEED = "mean_speed";
  static final String FIX_COUNT = "fix_count";
  static final String INVALID_SPEED_COUNT = "invalid_speed_count";
  static final String LOCATION_PREFIX = "loc_";
  static final String ACCELERATION_PREFIX = "acc_";

  static final List<Column> LOCATIONS = topic(Topic.LOCATIONS.folderName());
  static final List<Column> ACCELERATIONS = topic(Topic.ACCELERATIONS.folderName());

  static final List<Column> WINDOWED =
      List.of(
          Column.of(UUID, "VARCHAR"),
          Column.timestamp(WINDOW_START),
          Column.timestamp(WINDOW_END),
          Column.of(RIDE_ID, "VARCHAR"),
          Column.of(MEAN_SPEED, "DOUBLE"),
          Column.of(FIX_COUNT, "BIGINT"),
          Column.of(INVALID_SPEED_COUNT, "BIGINT"),
          Column.of(PANE_INDEX, "BIGINT"),
          Column.of(PANE_TIMING, "VARCHAR"));

  static final List<Column> JOINED = joined();

  private Schemas() {}

  /** The columns of {@code topic} (locations or accelerations). */
  static List<Column> topic(String topic) {
    List<Column> columns = new ArrayList<>();
    for (Type field : Topic.named(topic).parquetSchema().getFields()) {
      columns.add(column(field));
    }
    return List.copyOf(columns);
  }

  static List<Column> prefixed(String prefix, List<Column> columns) {
    return columns.stream().map(column -> column.prefixed(prefix)).toList();
  }

  private static List<Column> joined() {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.of(UUID, "VARCHAR"));
    columns.add(Column.timestamp(WINDOW_START));
    columns.add(Column.timestamp(WINDOW_END));
    columns.addAll(prefixed(LOCATION_PREFIX, LOCATIONS));
    columns.addAll(prefixed(ACCELERATION_PREFIX, ACCELERATIONS));
    return List.copyOf(columns);
  }

  private static Column column(Type field) {
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    if (logical instanceof TimestampLogicalTypeAnnotation) {
      return Column.timestamp(field.getName());
    }
    String type =
        switch (primitive.getPrimitiveTypeName()) {
          case BINARY -> "VARCHAR";
          case DOUBLE -> "DOUBLE";
          case FLOAT -> "FLOAT";
          case INT64 -> "BIGINT";
          case INT32 -> "INTEGER";
          case BOOLEAN -> "BOOLEAN";
          default ->
              throw new IllegalArgumentException(
                  "no DuckDB type for column " + field + " of the topic schemas");
        };
    return Column.of(field.getName(), type);
  }
}

package io.github.bddreplay.pipelines.oracle;

import org.apache.avro.generic.GenericRecord;

/** Typed access to the columns every aggregated pipeline output shares. */
final class OutputColumns {
  static final String UUID = "uuid";
  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";
  static final String PANE_INDEX = "pane_index";
  static final String PANE_TIMING = "pane_timing";

  private OutputColumns() {}

  /** The route and window a row belongs to, from {@code uuid}, {@code window_start/end}. */
  static WindowKey windowKey(GenericRecord row) {
    return new WindowKey(
        string(row, UUID),
        required(row, WINDOW_START, Long.class),
        required(row, WINDOW_END, Long.class));
  }

  static Pane pane(GenericRecord row) {
    return new Pane(
        required(row, PANE_INDEX, Long.class),
        required(row, PANE_TIMING, CharSequence.class).toString());
  }

  static String string(GenericRecord row, String column) {
    CharSequence text = value(row, column, CharSequence.class);
    return text == null ? null : text.toString();
  }

  static <T> T required(GenericRecord row, String column, Class<T> type) {
    T value = value(row, column, type);
    if (value == null) {
      throw new IllegalArgumentException("column '" + column + "' is null");
    }
    return value;
  }

  /** The value of {@code column}, null or of {@code type}. */
  static <T> T value(GenericRecord row, String column, Class<T> type) {
    if (row.getSchema().getField(column) == null) {
      throw new IllegalArgumentException("no column '" + column + "'");
    }
    Object value = row.get(column);
    if (value != null && !type.isInstance(value)) {
      throw new IllegalArgumentException(
          "column '" + column + "' holds a " + value.getClass().getSimpleName() + " (" + value
              + "), expected a " + type.getSimpleName());
    }
    return type.cast(value);
  }
}

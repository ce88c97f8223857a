package io.github.bddreplay.pipelines.transforms;

import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;

/**
 * Which window and which firing of it an output row belongs to: the columns {@code window_start},
 * {@code window_end} (Parquet TIMESTAMP_MICROS, UTC), {@code pane_index} and {@code pane_timing}
 * that every aggregated output carries, so a reader can keep the latest pane of each window.
 */
public record WindowPane(
    long windowStartMicros, long windowEndMicros, long paneIndex, String paneTiming) {
  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";
  public static final String PANE_INDEX = "pane_index";
  public static final String PANE_TIMING = "pane_timing";

  public static WindowPane of(IntervalWindow window, PaneInfo pane) {
    return new WindowPane(
        toMicros(window.start().getMillis()),
        toMicros(window.end().getMillis()),
        pane.getIndex(),
        pane.getTiming().name());
  }

  /** Fresh field definitions for the two window columns (Avro fields belong to one schema only). */
  static List<Schema.Field> windowFields() {
    return List.of(timestampField(WINDOW_START), timestampField(WINDOW_END));
  }

  /** Fresh field definitions for the two pane columns. */
  static List<Schema.Field> paneFields() {
    return List.of(
        new Schema.Field(PANE_INDEX, Schema.create(Schema.Type.LONG)),
        new Schema.Field(PANE_TIMING, Schema.create(Schema.Type.STRING)));
  }

  /** Writes the two window columns of {@code window} (for rows that belong to no pane). */
  static void writeWindow(IntervalWindow window, GenericRecord row) {
    row.put(WINDOW_START, toMicros(window.start().getMillis()));
    row.put(WINDOW_END, toMicros(window.end().getMillis()));
  }

  void writeTo(GenericRecord row) {
    row.put(WINDOW_START, windowStartMicros);
    row.put(WINDOW_END, windowEndMicros);
    row.put(PANE_INDEX, paneIndex);
    row.put(PANE_TIMING, paneTiming);
  }

  private static Schema.Field timestampField(String name) {
    return new Schema.Field(
        name, LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)));
  }

  private static long toMicros(long millis) {
    return Math.multiplyExact(millis, 1000L);
  }
}

package io.github.bddreplay.pipelines.oracle;

import org.apache.avro.generic.GenericRecord;

/** One row of the windowed output: a route's mean speed in one window as of one pane. */
public record WindowedRow(
    WindowKey key, String rideId, Double meanSpeed, long fixCount, long invalidSpeedCount, Pane pane) {

  /**
   * Reads a row as written by the windowed pipeline.
   *
   * @throws IllegalArgumentException naming the column that is missing or of another type
   */
  static WindowedRow from(GenericRecord row) {
    return new WindowedRow(
        OutputColumns.windowKey(row),
        OutputColumns.string(row, "ride_id"),
        OutputColumns.value(row, "mean_speed", Double.class),
        OutputColumns.required(row, "fix_count", Long.class),
        OutputColumns.required(row, "invalid_speed_count", Long.class),
        OutputColumns.pane(row));
  }

  @Override
  public String toString() {
    return "ride_id=" + rideId + ", mean_speed=" + meanSpeed + ", fix_count=" + fixCount
        + ", invalid_speed_count=" + invalidSpeedCount + ", " + pane;
  }
}

package io.github.bddreplay.pipelines.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Spark's full outer equi-join, applied to the rows of one key in one window: every location paired
 * with every acceleration, and a side without partner padded with nulls. A null key equals
 * nothing, not even another null key, so rows without uuid are never paired.
 */
public final class FullOuterJoin {
  private FullOuterJoin() {}

  public static List<GenericRecord> rows(
      String uuid,
      List<GenericRecord> locations,
      List<GenericRecord> accelerations,
      WindowPane pane) {
    List<GenericRecord> rows = new ArrayList<>();
    boolean pairable = uuid != null;
    if (pairable && !locations.isEmpty() && !accelerations.isEmpty()) {
      for (GenericRecord location : locations) {
        for (GenericRecord acceleration : accelerations) {
          rows.add(JoinedRow.of(uuid, location, acceleration, pane));
        }
      }
      return rows;
    }
    for (GenericRecord location : locations) {
      rows.add(JoinedRow.of(uuid, location, null, pane));
    }
    for (GenericRecord acceleration : accelerations) {
      rows.add(JoinedRow.of(uuid, null, acceleration, pane));
    }
    return rows;
  }
}

package io.github.bddreplay.pipelines.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class MeanSpeedRowTest {
  private static final WindowPane PANE = new WindowPane(15_000_000L, 30_000_000L, 2, "LATE");

  @Test
  void schemaHasTheDocumentedColumnsInOrder() {
    assertEquals(
        List.of(
            "uuid",
            "ride_id",
            "window_start",
            "window_end",
            "mean_speed",
            "fix_count",
            "invalid_speed_count",
            "pane_index",
            "pane_timing"),
        MeanSpeedRow.SCHEMA.getFields().stream().map(Schema.Field::name).toList());
    assertEquals(
        "timestamp-micros",
        MeanSpeedRow.SCHEMA.getField("window_start").schema().getLogicalType().getName());
    assertEquals(true, MeanSpeedRow.SCHEMA.getField("mean_speed").schema().isNullable());
    assertEquals(Schema.Type.LONG, MeanSpeedRow.SCHEMA.getField("fix_count").schema().getType());
  }

  @Test
  void rowCarriesTheAccumulatedSpeedsAndThePane() {
    MeanSpeedAccumulator speeds = new MeanSpeedAccumulator().add(3.0, "ride").add(-1.0, "ride");

    GenericRecord row = MeanSpeedRow.of("car", speeds, PANE);

    assertEquals("car", row.get("uuid"));
    assertEquals("ride", row.get("ride_id"));
    assertEquals(3.0, row.get("mean_speed"));
    assertEquals(1L, row.get("fix_count"));
    assertEquals(1L, row.get("invalid_speed_count"));
    assertEquals(15_000_000L, row.get("window_start"));
    assertEquals(30_000_000L, row.get("window_end"));
    assertEquals(2L, row.get("pane_index"));
    assertEquals("LATE", row.get("pane_timing"));
    assertEquals(true, GenericData.get().validate(MeanSpeedRow.SCHEMA, row));
  }

  @Test
  void routeWithoutValidFixHasNullMean() {
    GenericRecord row = MeanSpeedRow.of("car", new MeanSpeedAccumulator().add(-1.0, null), PANE);

    assertNull(row.get("mean_speed"));
    assertNull(row.get("ride_id"));
    assertEquals(0L, row.get("fix_count"));
    assertEquals(1L, row.get("invalid_speed_count"));
    assertEquals(true, GenericData.get().validate(MeanSpeedRow.SCHEMA, row));
  }
}

package io.github.bddreplay.pipelines.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.contract.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class JoinedRowTest {
  private static final IntervalWindow WINDOW =
      new IntervalWindow(new Instant(0), new Instant(15_000));

  @Test
  void schemaIsUuidWindowThenPrefixedLocationAndAccelerationColumnsWithoutPane() {
    List<String> expected = new ArrayList<>(List.of("uuid", "window_start", "window_end"));
    Topic.LOCATIONS.schema().getFields().forEach(f -> expected.add("loc_" + f.name()));
    Topic.ACCELERATIONS.schema().getFields().forEach(f -> expected.add("acc_" + f.name()));

    assertEquals(expected, JoinedRow.SCHEMA.getFields().stream().map(Schema.Field::name).toList());
  }

  @Test
  void prefixedColumnsKeepTheSourceTypes() {
    for (Schema.Field source : Topic.LOCATIONS.schema().getFields()) {
      assertEquals(source.schema(), JoinedRow.SCHEMA.getField("loc_" + source.name()).schema());
    }
    for (Schema.Field source : Topic.ACCELERATIONS.schema().getFields()) {
      assertEquals(source.schema(), JoinedRow.SCHEMA.getField("acc_" + source.name()).schema());
    }
  }

  @Test
  void prefixingMakesRequiredColumnsNullable() {
    Schema required = SchemaBuilder.record("r").fields().requiredDouble("x").endRecord();

    Schema.Field prefixed = JoinedRow.prefixedFields(required, "acc_").get(0);

    assertEquals("acc_x", prefixed.name());
    assertTrue(prefixed.schema().isNullable());
    assertEquals(
        Schema.Type.DOUBLE, prefixed.schema().getTypes().get(1).getType(), "value type kept");
  }

  @Test
  void matchedRowCopiesEveryColumnOfBothSides() {
    GenericRecord location = BddRows.location("L1", "car", "ride", 1, 4.0).getValue();
    GenericRecord acceleration = BddRows.acceleration("A1", "car", 2).getValue();

    GenericRecord row = JoinedRow.of("car", location, acceleration, WINDOW);

    assertEquals("car", row.get("uuid"));
    for (Schema.Field field : Topic.LOCATIONS.schema().getFields()) {
      assertEquals(location.get(field.name()), row.get("loc_" + field.name()), field.name());
    }
    for (Schema.Field field : Topic.ACCELERATIONS.schema().getFields()) {
      assertEquals(acceleration.get(field.name()), row.get("acc_" + field.name()), field.name());
    }
    assertEquals(0L, row.get("window_start"));
    assertEquals(15_000_000L, row.get("window_end"));
    assertTrue(GenericData.get().validate(JoinedRow.SCHEMA, row));
  }

  @Test
  void missingSideIsPaddedWithNulls() {
    GenericRecord location = BddRows.location("L1", "car", "ride", 1, 4.0).getValue();

    GenericRecord row = JoinedRow.of("car", location, null, WINDOW);

    assertEquals("L1", row.get("loc_id"));
    for (Schema.Field field : Topic.ACCELERATIONS.schema().getFields()) {
      assertNull(row.get("acc_" + field.name()), field.name());
    }
    assertTrue(GenericData.get().validate(JoinedRow.SCHEMA, row));
  }
}

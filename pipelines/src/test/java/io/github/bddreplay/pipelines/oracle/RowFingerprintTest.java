package io.github.bddreplay.pipelines.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.parquet.BddSchemas;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RowFingerprintTest {
  private static final List<String> COLUMNS = List.of("id", "speed", "timestamp", "timelapse");

  private static GenericRecord location(Object id, Double speed) {
    GenericRecord row = new GenericData.Record(BddSchemas.LOCATIONS_AVRO);
    row.put("id", id);
    row.put("speed", speed);
    row.put("timestamp", 42L);
    row.put("timelapse", true);
    return row;
  }

  private static RowFingerprint of(Object id, Double speed) {
    return RowFingerprint.of(location(id, speed), COLUMNS);
  }

  @Test
  void stringsCompareByTheirCharactersWhateverTheirClass() {
    assertEquals(of("a", 1.0), of(new Utf8("a"), 1.0));
    assertNotEquals(of("a", 1.0), of("A", 1.0));
  }

  @Test
  void doublesCompareBitForBit() {
    assertEquals(of("a", 0.3), of("a", 0.3));
    assertNotEquals(of("a", 0.1 + 0.2), of("a", 0.3));
    assertNotEquals(of("a", 0.0), of("a", -0.0));
    assertEquals(of("a", Double.NaN), of("a", Double.NaN));
    assertEquals(of("a", Double.NaN).hashCode(), of("a", Double.NaN).hashCode());
  }

  @Test
  void nullsCompareAsNull() {
    assertEquals(of(null, null), of(null, null));
    assertNotEquals(of(null, 1.0), of("a", 1.0));
    assertNotEquals(of("a", null), of("a", 0.0));
  }

  @Test
  void columnNamesArePartOfTheFingerprint() {
    RowFingerprint plain = of("a", 1.0);

    RowFingerprint prefixed = plain.prefixed("loc_");

    assertNotEquals(plain, prefixed);
    assertEquals(List.of("loc_id", "loc_speed", "loc_timestamp", "loc_timelapse"), prefixed.columns());
    assertEquals("a", prefixed.get("loc_id"));
  }

  @Test
  void concatenationAndNullRowsLineUpWithPrefixedColumns() {
    RowFingerprint joined =
        of("a", 1.0).prefixed("loc_").concat(RowFingerprint.allNull(List.of("acc_id", "acc_x")));

    assertEquals(
        List.of("loc_id", "loc_speed", "loc_timestamp", "loc_timelapse", "acc_id", "acc_x"),
        joined.columns());
    assertEquals(RowFingerprint.DoubleBits.of(1.0), joined.get("loc_speed"));
    assertEquals(42L, joined.get("loc_timestamp"));
    assertEquals(true, joined.get("loc_timelapse"));
    assertEquals(null, joined.get("acc_x"));
  }

  @Test
  void aMissingColumnIsAnErrorNotANull() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RowFingerprint.of(location("a", 1.0), List.of("id", "loc_id")));

    assertTrue(error.getMessage().contains("loc_id"), error.getMessage());
  }

  @Test
  void showsValuesReadably() {
    assertEquals(
        "{id=\"a\", speed=-1.0, timestamp=42, timelapse=true}", of("a", -1.0).toString());
  }
}

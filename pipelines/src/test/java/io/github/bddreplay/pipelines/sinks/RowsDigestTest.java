package io.github.bddreplay.pipelines.sinks;

import static io.github.bddreplay.pipelines.transforms.BddRows.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class RowsDigestTest {
  private static final Schema PAIR =
      SchemaBuilder.record("Pair").fields().optionalString("a").optionalString("b").endRecord();

  private static String digestOf(List<GenericRecord> rows) {
    RowsDigest digest = new RowsDigest();
    rows.forEach(digest::add);
    return digest.hex(32);
  }

  private static GenericRecord pair(Object a, Object b) {
    GenericRecord row = new GenericData.Record(PAIR);
    row.put("a", a);
    row.put("b", b);
    return row;
  }

  @Test
  void equalRowsInTheSameOrderGiveTheSameDigest() {
    GenericRecord first = location("L1", "car-a", "ride-a", 1, 10.0).getValue();
    GenericRecord second = location("L2", "car-b", null, 2, -1.0).getValue();
    assertEquals(
        digestOf(List.of(first, second)),
        digestOf(List.of(GenericData.get().deepCopy(first.getSchema(), first), second)));
    assertEquals(32, digestOf(List.of(first)).length());
  }

  @Test
  void anyChangedValueOrOrderChangesTheDigest() {
    GenericRecord first = location("L1", "car-a", "ride-a", 1, 10.0).getValue();
    GenericRecord second = location("L2", "car-b", null, 2, -1.0).getValue();
    GenericRecord faster = location("L1", "car-a", "ride-a", 1, 10.5).getValue();
    String digest = digestOf(List.of(first, second));

    assertNotEquals(digest, digestOf(List.of(second, first)));
    assertNotEquals(digest, digestOf(List.of(faster, second)));
    assertNotEquals(digest, digestOf(List.of(first)));
  }

  @Test
  void nullsAndTextBoundariesAreTold() {
    assertNotEquals(digestOf(List.of(pair(null, "x"))), digestOf(List.of(pair("x", null))));
    assertNotEquals(digestOf(List.of(pair("ab", "c"))), digestOf(List.of(pair("a", "bc"))));
  }

  @Test
  void avroTextAndJavaStringsOfTheSameTextAreEqual() {
    assertEquals(
        digestOf(List.of(pair(new Utf8("é"), "b"))), digestOf(List.of(pair("é", new Utf8("b")))));
  }
}

package io.github.bddreplay.pipelines.transforms;

import org.apache.avro.generic.GenericRecord;

/** Reads the BDD columns the transforms need, whatever Avro representation the decoder chose. */
final class RecordFields {
  static final String UUID = "uuid";
  static final String RIDE_ID = "ride_id";
  static final String SPEED = "speed";

  private RecordFields() {}

  /** A string column as a Java string (decoders hand out {@code Utf8}), or null. */
  static String string(GenericRecord record, String field) {
    Object value = record.get(field);
    return value == null ? null : value.toString();
  }

  /** A double column, or null. */
  static Double nullableDouble(GenericRecord record, String field) {
    return (Double) record.get(field);
  }
}

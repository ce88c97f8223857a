package io.github.bddreplay.parquet;

import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schemas of the Berkeley DeepDrive topics, exactly as pandas/fastparquet wrote them in
 * the original data set. The synthetic generator writes them and the pipelines read with them.
 */
public final class BddSchemas {
  public static final String LOCATIONS = "locations";
  public static final String ACCELERATIONS = "accelerations";

  public static final MessageType LOCATIONS_PARQUET =
      MessageTypeParser.parseMessageType(
          "message schema {\n"
              + "  optional binary id (STRING);\n"
              + "  optional binary ride_id (STRING);\n"
              + "  optional binary uuid (STRING);\n"
              + "  optional int64 timestamp (TIMESTAMP(MICROS,true));\n"
              + "  optional double offset;\n"
              + "  optional double course;\n"
              + "  optional double latitude;\n"
              + "  optional double longitude;\n"
              + "  optional binary geohash (STRING);\n"
              + "  optional double speed;\n"
              + "  optional double accuracy;\n"
              + "  optional boolean timelapse;\n"
              + "  optional binary filename (STRING);\n"
              + "}");

  public static final MessageType ACCELERATIONS_PARQUET =
      MessageTypeParser.parseMessageType(
          "message schema {\n"
              + "  optional binary id (STRING);\n"
              + "  optional binary ride_id (STRING);\n"
              + "  optional binary uuid (STRING);\n"
              + "  optional int64 timestamp (TIMESTAMP(MICROS,true));\n"
              + "  optional double offset;\n"
              + "  optional double x;\n"
              + "  optional double y;\n"
              + "  optional double z;\n"
              + "  optional boolean timelapse;\n"
              + "  optional binary filename (STRING);\n"
              + "}");

  public static final Schema LOCATIONS_AVRO = toAvro(LOCATIONS_PARQUET);
  public static final Schema ACCELERATIONS_AVRO = toAvro(ACCELERATIONS_PARQUET);

  private BddSchemas() {}

  /** The Parquet schema of a known topic. */
  public static MessageType parquetSchema(String topic) {
    switch (topic) {
      case LOCATIONS:
        return LOCATIONS_PARQUET;
      case ACCELERATIONS:
        return ACCELERATIONS_PARQUET;
      default:
        throw new IllegalArgumentException("unknown topic: " + topic);
    }
  }

  /** The Avro view of a Parquet schema, as parquet-avro derives it from a footer without Avro schema. */
  public static Schema toAvro(MessageType parquet) {
    return new AvroSchemaConverter().convert(parquet);
  }
}

package io.github.bddreplay.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/**
 * A topic of the replayed stream: its folder name, its Parquet schema exactly as pandas wrote it in
 * the original data set, the Avro view of that schema every row is projected onto, and the columns
 * a file must have for its rows to be usable by the pipelines.
 */
public enum Topic {
  LOCATIONS(
      "locations",
      "  optional double course;\n"
          + "  optional double latitude;\n"
          + "  optional double longitude;\n"
          + "  optional binary geohash (STRING);\n"
          + "  optional double speed;\n"
          + "  optional double accuracy;\n",
      List.of("uuid", "timestamp", "speed")),
  ACCELERATIONS(
      "accelerations",
      "  optional double x;\n" + "  optional double y;\n" + "  optional double z;\n",
      List.of("uuid", "timestamp"));

  /** The event-time column: epoch microseconds. */
  public static final String TIMESTAMP = "timestamp";

  /** The car, i.e. the route; rows without one belong to no route. */
  public static final String UUID = "uuid";

  /** The columns every topic's files begin with, as pandas wrote them. */
  private static final String HEAD_COLUMNS =
      "  optional binary id (STRING);\n"
          + "  optional binary ride_id (STRING);\n"
          + "  optional binary uuid (STRING);\n"
          + "  optional int64 timestamp (TIMESTAMP(MICROS,true));\n"
          + "  optional double offset;\n";

  /** The columns every topic's files end with. */
  private static final String TAIL_COLUMNS =
      "  optional boolean timelapse;\n" + "  optional binary filename (STRING);\n";

  private final String folderName;
  private final MessageType parquetSchema;
  private final Schema schema;
  private final List<String> requiredColumns;

  /**
   * @param sensorColumns the Parquet columns of this topic between the common head and tail
   */
  Topic(String folderName, String sensorColumns, List<String> requiredColumns) {
    this.folderName = folderName;
    this.parquetSchema =
        MessageTypeParser.parseMessageType(
            "message schema {\n" + HEAD_COLUMNS + sensorColumns + TAIL_COLUMNS + "}");
    this.schema = toAvro(this.parquetSchema);
    this.requiredColumns = requiredColumns;
  }

  /** The name of the topic's folder under the input root, as the replayer writes it. */
  public String folderName() {
    return folderName;
  }

  /** The canonical schema of the topic's rows. */
  public Schema schema() {
    return schema;
  }

  /** The Parquet schema of the original data set, which the synthetic generator writes too. */
  public MessageType parquetSchema() {
    return parquetSchema;
  }

  /** The topic whose folder is called {@code folderName}. */
  public static Topic named(String folderName) {
    return forFolder(folderName)
        .orElseThrow(() -> new IllegalArgumentException("unknown topic: " + folderName));
  }

  /**
   * The Avro view of a Parquet schema, as parquet-avro derives it from a footer without Avro
   * schema.
   */
  public static Schema toAvro(MessageType parquet) {
    return new AvroSchemaConverter().convert(parquet);
  }

  /** The topic whose folder is called {@code folderName}, if there is one. */
  public static Optional<Topic> forFolder(String folderName) {
    for (Topic topic : values()) {
      if (topic.folderName.equals(folderName)) {
        return Optional.of(topic);
      }
    }
    return Optional.empty();
  }

  /**
   * Why rows of a file with schema {@code fileSchema} cannot be projected onto the canonical
   * schema, or empty when they can: a required column is missing, or a column holds another type
   * than the canonical one (copying it would produce records the canonical coder cannot encode).
   * Columns the canonical schema does not know are ignored; missing optional columns become null.
   */
  public Optional<String> projectionProblem(Schema fileSchema) {
    List<String> problems = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Schema.Field fileField = fileSchema.getField(field.name());
      if (fileField == null) {
        if (requiredColumns.contains(field.name())) {
          problems.add("missing column '" + field.name() + "'");
        }
        continue;
      }
      Schema expected = withoutNull(field.schema());
      Schema actual = withoutNull(fileField.schema());
      if (actual.getType() != expected.getType()) {
        problems.add(
            "column '"
                + field.name()
                + "' is "
                + describe(actual)
                + ", expected "
                + describe(expected));
      } else if (field.name().equals(TIMESTAMP) && !inMicros(actual.getLogicalType())) {
        problems.add(
            "column '" + TIMESTAMP + "' is " + describe(actual) + ", expected epoch microseconds");
      }
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(folderName + " file: " + String.join(", ", problems));
  }

  /**
   * How {@code actual} differs from {@code expected}, in words; empty when they are the same.
   * Columns are compared by what their text form shows (name, repetition, type, logical type, id)
   * and not by the column sort order a writer may declare: pandas' writers leave it undefined,
   * parquet-mr sets it, and the data is the same.
   */
  public static String schemaDifference(MessageType expected, MessageType actual) {
    if (expected.toString().equals(actual.toString())) {
      return "";
    }
    List<String> differences = new ArrayList<>();
    for (Type field : expected.getFields()) {
      if (!actual.containsField(field.getName())) {
        differences.add("missing column " + field.getName());
      } else if (!actual.getType(field.getName()).toString().equals(field.toString())) {
        differences.add(
            "column "
                + field.getName()
                + " is '"
                + actual.getType(field.getName())
                + "' instead of '"
                + field
                + "'");
      }
    }
    for (Type field : actual.getFields()) {
      if (!expected.containsField(field.getName())) {
        differences.add("extra column " + field.getName());
      }
    }
    if (differences.isEmpty()) {
      differences.add("columns in another order");
    }
    return String.join(", ", differences);
  }

  /** A plain long is taken as microseconds; a declared unit must be microseconds. */
  private static boolean inMicros(LogicalType logicalType) {
    return logicalType == null || logicalType.getName().endsWith("-micros");
  }

  private static Schema withoutNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches =
        schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : schema;
  }

  private static String describe(Schema schema) {
    String type = schema.getType().getName();
    return schema.getLogicalType() == null
        ? type
        : type + " (" + schema.getLogicalType().getName() + ")";
  }
}

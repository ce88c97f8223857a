package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.parquet.BddSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * A topic of the replayed input: its folder name, the canonical Avro schema every row is projected
 * onto, and the columns a file must have for its rows to be usable by the pipelines.
 */
public enum SensorTopic {
  LOCATIONS(BddSchemas.LOCATIONS, BddSchemas.LOCATIONS_AVRO, List.of("uuid", "timestamp", "speed")),
  ACCELERATIONS(BddSchemas.ACCELERATIONS, BddSchemas.ACCELERATIONS_AVRO, List.of("uuid", "timestamp"));

  /** The event-time column: epoch microseconds. */
  public static final String TIMESTAMP = "timestamp";
  /** The car, i.e. the route; rows without one belong to no route. */
  public static final String UUID = "uuid";

  private final String folderName;
  private final Schema schema;
  private final List<String> requiredColumns;

  SensorTopic(String folderName, Schema schema, List<String> requiredColumns) {
    this.folderName = folderName;
    this.schema = schema;
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

  /** The topic whose folder is called {@code folderName}, if there is one. */
  public static Optional<SensorTopic> forFolder(String folderName) {
    for (SensorTopic topic : values()) {
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
            "column '" + field.name() + "' is " + describe(actual) + ", expected " + describe(expected));
      } else if (field.name().equals(TIMESTAMP) && !inMicros(actual.getLogicalType())) {
        problems.add(
            "column '" + TIMESTAMP + "' is " + describe(actual) + ", expected epoch microseconds");
      }
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(folderName + " file: " + String.join(", ", problems));
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
    return schema.getLogicalType() == null ? type : type + " (" + schema.getLogicalType().getName() + ")";
  }
}

package io.github.bddreplay.replay;

import io.github.bddreplay.BadInputException;
import io.github.bddreplay.parquet.ParquetFiles;
import io.github.bddreplay.slices.Slice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The schema every file of a topic must have. It is the schema most of the topic's first files
 * agree on, so a single odd file at the start cannot make every good file after it look wrong.
 */
public final class TopicSchema {
  /** How many readable files are sampled to decide the topic's schema. */
  static final int SAMPLE = 7;

  private TopicSchema() {}

  /**
   * The schema of {@code topic}, sampled from its first readable files in time order.
   *
   * @throws BadInputException when not one file of the topic can be read
   */
  public static MessageType decide(String topic, List<Slice> slices, Consumer<String> warnings) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    Map<String, MessageType> schemas = new LinkedHashMap<>();
    int sampled = 0;
    for (Slice slice : slices) {
      for (Path file : slice.files()) {
        if (sampled == SAMPLE) {
          break;
        }
        try {
          MessageType schema = ParquetFiles.readSchema(file);
          schemas.putIfAbsent(schema.toString(), schema);
          votes.merge(schema.toString(), 1, Integer::sum);
          sampled++;
        } catch (IOException | RuntimeException e) {
          // Reported with its reason when the file itself is replayed.
        }
      }
    }
    return votes.entrySet().stream()
        .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
        .map(winner -> schemas.get(winner.getKey()))
        .orElseThrow(
            () -> new BadInputException("topic " + topic + ": none of its Parquet files is readable"));
  }

  /**
   * How {@code actual} differs from {@code expected}, in words; empty when they are the same.
   * Columns are compared by what their text form shows (name, repetition, type, logical type, id)
   * and not by the column sort order a writer may declare: pandas' writers leave it undefined,
   * parquet-mr sets it, and the data is the same.
   */
  public static String difference(MessageType expected, MessageType actual) {
    if (expected.toString().equals(actual.toString())) {
      return "";
    }
    List<String> differences = new ArrayList<>();
    for (Type field : expected.getFields()) {
      if (!actual.containsField(field.getName())) {
        differences.add("missing column " + field.getName());
      } else if (!actual.getType(field.getName()).toString().equals(field.toString())) {
        differences.add(
            "column " + field.getName() + " is '" + actual.getType(field.getName())
                + "' instead of '" + field + "'");
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
}

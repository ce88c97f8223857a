package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.replayer.slices.Slice;
import io.github.bddreplay.replayer.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.schema.MessageType;

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
  public static MessageType decide(
      String topic, Storage storage, List<Slice> slices, Consumer<String> warnings) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    Map<String, MessageType> schemas = new LinkedHashMap<>();
    int sampled = 0;
    for (Slice slice : slices) {
      for (Path file : slice.files()) {
        if (sampled == SAMPLE) {
          break;
        }
        try {
          MessageType schema = ParquetFiles.readFooter(storage.inputFile(file)).getSchema();
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
            () ->
                new BadInputException(
                    "topic " + topic + ": none of its Parquet files is readable"));
  }
}

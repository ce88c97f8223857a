package io.github.bddreplay.verify;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Where the expected answer's rows come from: the stream as the replayer published it, or the
 * source data set replayed again with the recorded start. Either way the files the pipelines
 * dead-lettered are left out.
 */
abstract class AnswerSource {
  private final Map<String, List<Path>> filesByTopic;
  private final List<String> deadLetters;

  /**
   * @param filesByTopic the files whose rows make the answer, per topic folder, in path order
   * @param deadLetters the pipelines' dead letters, each with what became of it
   */
  AnswerSource(Map<String, List<Path>> filesByTopic, List<String> deadLetters) {
    this.filesByTopic = Map.copyOf(filesByTopic);
    this.deadLetters = List.copyOf(deadLetters);
  }

  /** What the answer is computed from, for the report: a folder, and the replay's start. */
  abstract String description();

  /** Which files these are, in the checks' words: input or source files. */
  abstract String filesName();

  /** The files whose rows make the answer for {@code topic}, in path order. */
  final List<Path> files(String topic) {
    return filesByTopic.get(topic);
  }

  /** The pipelines' dead letters, each with what became of it (left out, or no such file). */
  final List<String> deadLetters() {
    return deadLetters;
  }

  /** Creates what {@link #rowsOf} needs in {@code db}. */
  abstract void prepare(DuckDb db) throws SQLException;

  /**
   * A query of the replayed rows of {@code files} of {@code topic}: every column of the topic, the
   * timestamp as event time in epoch microseconds; rows without event time are left out, as the
   * pipelines leave them out.
   */
  abstract String rowsOf(String topic, List<Path> files);
}

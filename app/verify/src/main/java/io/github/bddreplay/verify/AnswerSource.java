package io.github.bddreplay.verify;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the expected answer's rows come from: the stream as the replayer published it, or the
 * source data set replayed again with the recorded start. Either way the files the pipelines
 * dead-lettered are left out.
 */
interface AnswerSource {
  /** What the answer is computed from, for the report: a folder, and the replay's start. */
  String description();

  /** Which files these are, in the checks' words: input or source files. */
  String filesName();

  /** The files whose rows make the answer for {@code topic}, in path order. */
  List<Path> files(String topic);

  /** The pipelines' dead letters, each with what became of it (left out, or no such file). */
  List<String> deadLetters();

  /** Creates what {@link #rowsOf} needs in {@code db}. */
  void prepare(DuckDb db) throws SQLException;

  /**
   * A query of the replayed rows of {@code files} of {@code topic}: every column of the topic, the
   * timestamp as event time in epoch microseconds; rows without event time are left out, as the
   * pipelines leave them out.
   */
  String rowsOf(String topic, List<Path> files);
}

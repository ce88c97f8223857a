package io.github.bddreplay.verify;

import io.github.bddreplay.contract.Topic;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads the expected answer's rows into DuckDB, one table per topic ({@link #table}), and finds the
 * files DuckDB cannot read. Files go in batches; a batch that fails is split in halves until the
 * files that fail are found alone, so one bad file costs a few extra reads, not the answer.
 */
final class ExpectedRows {
  /**
   * Files per INSERT, which bounds a statement's text (2 MB) and what a failed batch reads again.
   * Not fewer: each INSERT leaves its last row group part empty, and with 2,000 files per INSERT
   * the 200,000 source files of a 10,000-car set took twice the memory and hit the limit.
   */
  static final int BATCH = 25_000;

  /** A file the answer had to leave out. */
  record Unreadable(Path file, String reason) {}

  private ExpectedRows() {}

  /** The table of {@code topic}'s expected rows, with the columns of {@link Schemas#topic}. */
  static String table(String topic) {
    return "expected_" + topic;
  }

  /** The rows of {@link #table} that belong to a route (have a uuid), as a relation to alias. */
  static String routed(String topic) {
    return "(SELECT * FROM " + table(topic) + " WHERE " + Sql.quote(Schemas.UUID) + " IS NOT NULL)";
  }

  /** How many INSERTs {@link #load} makes (more if a batch fails and is split). */
  static int batches(AnswerSource source) {
    int batches = 0;
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      batches += (source.files(topic).size() + BATCH - 1) / BATCH;
    }
    return batches;
  }

  /**
   * Loads every file of {@code source}, calling {@code afterBatch} after each batch; returns the
   * files DuckDB could not read, in path order.
   */
  static List<Unreadable> load(DuckDb db, AnswerSource source, Runnable afterBatch)
      throws SQLException {
    source.prepare(db);
    List<Unreadable> unreadable = new ArrayList<>();
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      db.execute(
          Schemas.topic(topic).stream()
              .map(column -> Sql.quote(column.name()) + " " + column.type())
              .collect(Collectors.joining(", ", "CREATE TABLE " + table(topic) + " (", ")")));
      List<Path> files = source.files(topic);
      for (int from = 0; from < files.size(); from += BATCH) {
        insert(
            db,
            source,
            topic,
            files.subList(from, Math.min(files.size(), from + BATCH)),
            unreadable);
        afterBatch.run();
      }
    }
    return unreadable;
  }

  /**
   * Inserts the rows of {@code files}; a failed statement inserts nothing, so halves retry cleanly.
   */
  private static void insert(
      DuckDb db, AnswerSource source, String topic, List<Path> files, List<Unreadable> unreadable) {
    try {
      db.execute("INSERT INTO " + table(topic) + " " + source.rowsOf(topic, files));
    } catch (SQLException e) {
      if (files.size() == 1) {
        unreadable.add(new Unreadable(files.get(0), DuckDb.firstLine(e)));
        return;
      }
      int half = files.size() / 2;
      insert(db, source, topic, files.subList(0, half), unreadable);
      insert(db, source, topic, files.subList(half, files.size()), unreadable);
    }
  }
}

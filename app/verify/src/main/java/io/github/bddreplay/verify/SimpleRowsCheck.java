package io.github.bddreplay.verify;

import java.sql.SQLException;
import java.util.List;

/**
 * The simple output of one topic holds every row of the answer exactly once, all columns equal: the
 * two multisets of rows are compared route window by route window ({@link KeyedComparison}), and
 * the first rows of the route windows that differ are listed.
 */
final class SimpleRowsCheck implements Check {
  private final String topic;
  private final OutputFolder output;

  SimpleRowsCheck(String topic, OutputFolder output) {
    this.topic = topic;
    this.output = output;
  }

  @Override
  public String name() {
    return "simple " + topic + " rows";
  }

  @Override
  public CheckResult run(DuckDb db) throws SQLException {
    String expectedTable = ExpectedRows.table(topic);
    if (!output.exists()) {
      String expected = Long.toString(db.queryLong("SELECT count(*) FROM " + expectedTable));
      return CheckResult.compared(name(), expected, "-", List.of(output.missing()));
    }
    String found = output.rows(Schemas.topic(topic));
    String windowStart = Sql.windowStart("t." + Sql.quote(Schemas.TIMESTAMP));
    String uuid = "t." + Sql.quote(Schemas.UUID);
    String windowEnd = windowStart + " + " + Sql.WINDOW_MICROS;
    List<String> hash = List.of(RowText.hash(fields()));
    KeyedComparison.Outcome outcome =
        KeyedComparison.run(
            db,
            "simple_" + topic,
            Fingerprint.perKey(expectedTable + " t", uuid, windowStart, windowEnd, hash),
            Fingerprint.perKey(found + " t", uuid, windowStart, windowEnd, hash));
    List<String> differences =
        outcome.differingKeys() == 0 ? List.of() : firstRows(db, outcome, expectedTable, found);
    return CheckResult.compared(
        name(), Long.toString(outcome.expectedRows()), outcome.foundText(), differences);
  }

  /** Every column of a row of relation {@code t}. */
  private List<RowText.Field> fields() {
    return RowText.fields(Schemas.topic(topic), "t", "", "");
  }

  /** The rows one side holds more often than the other, in the first route windows that differ. */
  private List<String> firstRows(
      DuckDb db, KeyedComparison.Outcome outcome, String expectedTable, String found)
      throws SQLException {
    String keys = KeyedComparison.firstDiffering(outcome);
    String sql =
        "WITH e AS ("
            + rowsOfKeys(expectedTable + " t", keys)
            + "),"
            + " f AS ("
            + rowsOfKeys(found + " t", keys)
            + ")"
            + " SELECT coalesce(e.uuid, f.uuid) AS uuid, coalesce(e.window_start, f.window_start) AS ws,"
            + " coalesce(e.n, 0) AS expected_n, coalesce(f.n, 0) AS found_n, coalesce(e.r, f.r) AS r"
            + " FROM e FULL JOIN f ON e.uuid IS NOT DISTINCT FROM f.uuid"
            + " AND e.window_start IS NOT DISTINCT FROM f.window_start AND e.h = f.h"
            + " WHERE e.n IS DISTINCT FROM f.n"
            + " ORDER BY uuid NULLS FIRST, ws NULLS FIRST, r LIMIT "
            + CheckResult.SHOWN;
    return db.query(
        sql,
        row -> {
          long expectedCount = row.getLong("expected_n");
          long foundCount = row.getLong("found_n");
          String what =
              expectedCount > foundCount
                  ? "missing " + (expectedCount - foundCount) + "x "
                  : "not expected " + (foundCount - expectedCount) + "x ";
          return RouteWindow.name(row.getString("uuid"), (Long) row.getObject("ws"))
              + ": "
              + what
              + row.getString("r");
        });
  }

  /**
   * The rows of {@code relation} in route windows {@code keys}, grouped by hash, with a text each.
   */
  private String rowsOfKeys(String relation, String keys) {
    String windowStart = Sql.windowStart("t." + Sql.quote(Schemas.TIMESTAMP));
    return "SELECT k.uuid, k.window_start, "
        + RowText.hash(fields())
        + " AS h, count(*) AS n, min("
        + RowText.text(fields())
        + ") AS r FROM "
        + relation
        + " JOIN "
        + keys
        + " k ON t."
        + Sql.quote(Schemas.UUID)
        + " IS NOT DISTINCT FROM k.uuid AND "
        + windowStart
        + " IS NOT DISTINCT FROM k.window_start GROUP BY k.uuid, k.window_start, h";
  }
}

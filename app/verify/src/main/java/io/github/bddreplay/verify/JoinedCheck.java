package io.github.bddreplay.verify;

import io.github.bddreplay.contract.Topic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The stream-joined rows of every route window are the answer's full outer join, as multisets:
 * every location row of the window with every acceleration row, or each row of the only side
 * present with nulls for the other. stream-joined has append semantics, so every row written
 * counts: a row written twice is one too many.
 *
 * <p>The join is never built for the comparison: a joined row's residue is the product of its two
 * sides' ({@link Fingerprint}), so a route window's fingerprint is the product of the sides'
 * fingerprints (an all-null row standing in for a missing side) and its count the product of their
 * counts, computed from the topics' rows alone. Only the first route windows that differ are
 * joined, to show their rows.
 */
final class JoinedCheck implements Check {
  private final OutputFolder output;

  JoinedCheck(OutputFolder output) {
    this.output = output;
  }

  @Override
  public String name() {
    return "stream-joined rows";
  }

  @Override
  public CheckResult run(DuckDb db) throws SQLException {
    if (!output.exists()) {
      db.execute("CREATE OR REPLACE TEMP TABLE joined_expected_keys AS " + expectedPerKey());
      String expected =
          Long.toString(db.queryLong("SELECT coalesce(sum(n), 0) FROM joined_expected_keys"));
      return CheckResult.compared(name(), expected, "-", List.of(output.missing()));
    }
    KeyedComparison.Outcome outcome =
        KeyedComparison.run(
            db,
            "joined",
            expectedPerKey(),
            Fingerprint.perKey(
                rows() + " t",
                "t.uuid",
                "t.window_start",
                "t.window_end",
                List.of(RowText.hash(foundLocationSide()), RowText.hash(foundAccelerationSide()))));
    List<String> differences =
        outcome.differingKeys() == 0 ? List.of() : describeFirst(db, outcome);
    return CheckResult.compared(
        name(), Long.toString(outcome.expectedRows()), outcome.foundText(), differences);
  }

  /** Every row written. */
  private String rows() {
    return output.rows(Schemas.JOINED);
  }

  /**
   * Per route window of either topic: the join's row count and fingerprint. Rows without uuid
   * belong to no route and join nothing.
   */
  private static String expectedPerKey() {
    return "WITH l AS ("
        + sidePerKey(Topic.LOCATIONS.folderName())
        + "), a AS ("
        + sidePerKey(Topic.ACCELERATIONS.folderName())
        + ")"
        + " SELECT coalesce(l.uuid, a.uuid) AS uuid, coalesce(l.window_start, a.window_start) AS window_start,"
        + " coalesce(l.window_start, a.window_start) + "
        + Sql.WINDOW_MICROS
        + " AS window_end,"
        + " coalesce(l.n, 1) * coalesce(a.n, 1) AS n, "
        + Fingerprint.outerJoin(
            "l", nullSide(Schemas.LOCATIONS), "a", nullSide(Schemas.ACCELERATIONS))
        + " FROM l FULL JOIN a ON l.uuid IS NOT DISTINCT FROM a.uuid AND l.window_start = a.window_start";
  }

  private static String sidePerKey(String topic) {
    String windowStart = Sql.windowStart("t." + Sql.quote(Schemas.TIMESTAMP));
    return Fingerprint.perKey(
        ExpectedRows.routed(topic) + " t",
        "t." + Sql.quote(Schemas.UUID),
        windowStart,
        windowStart + " + " + Sql.WINDOW_MICROS,
        List.of(RowText.hash(RowText.fields(Schemas.topic(topic), "t", "", ""))));
  }

  /** The hash of one all-null side: what pads a route window without rows of a topic. */
  private static String nullSide(List<Column> columns) {
    return RowText.hash(
        columns.stream()
            .map(c -> new RowText.Field(c.name(), "NULL::" + c.type(), false))
            .toList());
  }

  private static List<RowText.Field> foundLocationSide() {
    return RowText.fields(Schemas.LOCATIONS, "t", Schemas.LOCATION_PREFIX, Schemas.LOCATION_PREFIX);
  }

  private static List<RowText.Field> foundAccelerationSide() {
    return RowText.fields(
        Schemas.ACCELERATIONS, "t", Schemas.ACCELERATION_PREFIX, Schemas.ACCELERATION_PREFIX);
  }

  /** One line per route window that differs: counts and a row that differs. */
  private List<String> describeFirst(DuckDb db, KeyedComparison.Outcome outcome)
      throws SQLException {
    String keys = KeyedComparison.firstDiffering(outcome);
    List<RowText.Field> expectedFields =
        RowText.concat(
            RowText.fields(Schemas.LOCATIONS, "l", "", Schemas.LOCATION_PREFIX),
            RowText.fields(Schemas.ACCELERATIONS, "a", "", Schemas.ACCELERATION_PREFIX));
    List<RowText.Field> foundFields = RowText.concat(foundLocationSide(), foundAccelerationSide());
    String sql =
        "WITH keys AS "
            + keys
            + ","
            + " l AS ("
            + sideOfKeys(Topic.LOCATIONS.folderName())
            + "),"
            + " a AS ("
            + sideOfKeys(Topic.ACCELERATIONS.folderName())
            + "),"
            + " e AS (SELECT coalesce(l.key_uuid, a.key_uuid) AS uuid,"
            + " coalesce(l.key_start, a.key_start) AS window_start,"
            + " coalesce(l.key_end, a.key_end) AS window_end, "
            + RowText.hash(expectedFields)
            + " AS h,"
            + " count(*) AS n, min("
            + RowText.text(expectedFields)
            + ") AS r"
            + " FROM l FULL JOIN a ON l.key_uuid IS NOT DISTINCT FROM a.key_uuid"
            + " AND l.key_start = a.key_start GROUP BY ALL),"
            + " f AS (SELECT t.uuid, t.window_start, t.window_end, "
            + RowText.hash(foundFields)
            + " AS h,"
            + " count(*) AS n, min("
            + RowText.text(foundFields)
            + ") AS r"
            + " FROM "
            + rows()
            + " t JOIN keys k ON t.uuid IS NOT DISTINCT FROM k.uuid"
            + " AND t.window_start = k.window_start AND t.window_end = k.window_end GROUP BY ALL),"
            + " d AS (SELECT coalesce(e.uuid, f.uuid) AS uuid, coalesce(e.window_start, f.window_start)"
            + " AS window_start, coalesce(e.window_end, f.window_end) AS window_end,"
            + " coalesce(e.n, 0) AS en, coalesce(f.n, 0) AS fn, coalesce(e.r, f.r) AS r"
            + " FROM e FULL JOIN f ON e.uuid IS NOT DISTINCT FROM f.uuid"
            + " AND e.window_start = f.window_start AND e.window_end = f.window_end AND e.h = f.h"
            + " WHERE e.n IS DISTINCT FROM f.n),"
            + " s AS (SELECT uuid, window_start, window_end, sum(greatest(en - fn, 0)) AS missing,"
            + " sum(greatest(fn - en, 0)) AS extra,"
            + " min(CASE WHEN en > fn THEN 'missing ' || (en - fn) || 'x ' || r"
            + " ELSE 'not expected ' || (fn - en) || 'x ' || r END) AS example FROM d GROUP BY ALL)"
            + " SELECT k.uuid, k.window_start, k.window_end, k.expected_rows, k.found_rows,"
            + " s.missing, s.extra, s.example"
            + " FROM "
            + outcome.differingTable()
            + " k"
            + " JOIN keys q ON q.uuid IS NOT DISTINCT FROM k.uuid"
            + " AND q.window_start IS NOT DISTINCT FROM k.window_start"
            + " AND q.window_end IS NOT DISTINCT FROM k.window_end"
            + " LEFT JOIN s ON s.uuid IS NOT DISTINCT FROM k.uuid AND s.window_start = k.window_start"
            + " AND s.window_end = k.window_end"
            + " ORDER BY k.uuid NULLS FIRST, k.window_start NULLS FIRST";
    return db.query(sql, JoinedCheck::describe);
  }

  /** The rows of a topic in the first differing route windows, keyed by them. */
  private static String sideOfKeys(String topic) {
    String windowStart = Sql.windowStart("t." + Sql.quote(Schemas.TIMESTAMP));
    return "SELECT k.uuid AS key_uuid, k.window_start AS key_start, k.window_end AS key_end, t.*"
        + " FROM "
        + ExpectedRows.table(topic)
        + " t JOIN keys k ON t."
        + Sql.quote(Schemas.UUID)
        + " IS NOT DISTINCT FROM k.uuid AND "
        + windowStart
        + " = k.window_start"
        + " AND "
        + windowStart
        + " + "
        + Sql.WINDOW_MICROS
        + " = k.window_end";
  }

  private static String describe(ResultSet row) throws SQLException {
    Long windowStart = (Long) row.getObject("window_start");
    Long windowEnd = (Long) row.getObject("window_end");
    String key =
        RouteWindow.name(row.getString("uuid"), windowStart)
            + (windowStart != null
                    && windowEnd != null
                    && windowEnd == windowStart + Sql.WINDOW_MICROS
                ? ""
                : " with window_end " + RouteWindow.instant(windowEnd));
    return key
        + ": expected "
        + row.getLong("expected_rows")
        + " rows, found "
        + row.getLong("found_rows")
        + ": "
        + row.getLong("missing")
        + " missing, "
        + row.getLong("extra")
        + " not expected, first "
        + row.getString("example");
  }
}

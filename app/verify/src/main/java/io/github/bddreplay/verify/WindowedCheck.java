package io.github.bddreplay.verify;

import io.github.bddreplay.contract.Topic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The final windowed result of every route window equals the answer's: the same route windows
 * (window ends included), equal {@code fix_count} and {@code invalid_speed_count}, the mean of the
 * valid speeds within {@link #MEAN_TOLERANCE} (both null counts as equal), and a ride id among the
 * window's non-null ones (null only when it has none). A speed is valid when it is non-null, finite
 * and {@code >= 0}.
 */
final class WindowedCheck implements Check {
  /** The mean is summed in another order than the pipeline's; that is all the slack it gets. */
  static final double MEAN_TOLERANCE = 1e-9;

  private static final String PROBLEMS = "windowed_problems";

  private final PanedOutput output;

  WindowedCheck(PanedOutput output) {
    this.output = output;
  }

  @Override
  public String name() {
    return "windowed route windows";
  }

  @Override
  public CheckResult run(DuckDb db) throws SQLException {
    db.execute("CREATE OR REPLACE TEMP TABLE windowed_expected AS " + expected());
    String expectedKeys = Long.toString(db.queryLong("SELECT count(*) FROM windowed_expected"));
    if (!output.folder().exists()) {
      return CheckResult.compared(name(), expectedKeys, "-", List.of(output.folder().missing()));
    }
    db.execute("CREATE OR REPLACE TEMP TABLE windowed_found AS " + foundFinals(db));
    db.execute("CREATE OR REPLACE TEMP TABLE " + PROBLEMS + " AS " + problems());
    long foundKeys = db.queryLong("SELECT count(*) FROM windowed_found");
    long differing = db.queryLong("SELECT count(*) FROM " + PROBLEMS);
    List<String> differences =
        db.query(
            "SELECT * FROM "
                + PROBLEMS
                + " ORDER BY uuid NULLS FIRST, window_start NULLS FIRST LIMIT "
                + CheckResult.SHOWN,
            WindowedCheck::describe);
    return CheckResult.compared(
        name(),
        expectedKeys,
        foundKeys + (differing == 0 ? "" : " (" + differing + " differ)"),
        differences);
  }

  /**
   * Per route window of the answer's locations: counts, mean of the valid speeds, ride ids. Rows
   * without uuid belong to no route.
   */
  private static String expected() {
    String speed = Sql.quote(Schemas.SPEED);
    String rideId = Sql.quote(Schemas.RIDE_ID);
    return "SELECT uuid, window_start, window_start + "
        + Sql.WINDOW_MICROS
        + " AS window_end,"
        + " count(*) FILTER (WHERE valid) AS fix_count,"
        + " count(*) FILTER (WHERE NOT valid) AS invalid_speed_count,"
        + " avg("
        + speed
        + ") FILTER (WHERE valid) AS mean_speed,"
        + " coalesce(list(DISTINCT "
        + rideId
        + " ORDER BY "
        + rideId
        + ") FILTER (WHERE "
        + rideId
        + " IS NOT NULL), []) AS ride_ids"
        + " FROM (SELECT "
        + Sql.quote(Schemas.UUID)
        + " AS uuid, "
        + Sql.windowStart(Sql.quote(Schemas.TIMESTAMP))
        + " AS window_start, "
        + speed
        + ", "
        + rideId
        + ", ("
        + speed
        + " IS NOT NULL AND isfinite("
        + speed
        + ") AND "
        + speed
        + " >= 0) AS valid"
        + " FROM "
        + ExpectedRows.routed(Topic.LOCATIONS.folderName())
        + ")"
        + " GROUP BY uuid, window_start";
  }

  /**
   * Per route window of the output: its final pane's (first) row and how many rows that pane has.
   */
  private String foundFinals(DuckDb db) throws SQLException {
    return "SELECT uuid, window_start, count(*) AS final_rows, first(window_end) AS window_end,"
        + " first(ride_id) AS ride_id, first(mean_speed) AS mean_speed, first(fix_count) AS fix_count,"
        + " first(invalid_speed_count) AS invalid_speed_count, first(pane_index) AS pane_index,"
        + " first(pane_timing) AS pane_timing"
        + " FROM "
        + output.finalRows(db)
        + " GROUP BY uuid, window_start";
  }

  /** The route windows with a problem, both sides' values beside each other. */
  private static String problems() {
    String meansMatch =
        "((e.mean_speed IS NULL AND f.mean_speed IS NULL)"
            + " OR coalesce(abs(e.mean_speed - f.mean_speed) <= "
            + MEAN_TOLERANCE
            + ", false))";
    String rideIdAccepted =
        "(CASE WHEN len(e.ride_ids) = 0 THEN f.ride_id IS NULL"
            + " ELSE coalesce(list_contains(e.ride_ids, f.ride_id), false) END)";
    return "SELECT coalesce(e.uuid, f.uuid) AS uuid, coalesce(e.window_start, f.window_start) AS window_start,"
        + " e.uuid IS NOT NULL OR e.window_start IS NOT NULL AS is_expected,"
        + " f.uuid IS NOT NULL OR f.window_start IS NOT NULL AS is_found,"
        + " e.window_end AS expected_end, e.mean_speed AS expected_mean, e.fix_count AS expected_fixes,"
        + " e.invalid_speed_count AS expected_invalid, CAST(e.ride_ids AS VARCHAR) AS expected_ride_ids,"
        + " f.window_end AS found_end, f.mean_speed AS found_mean, f.fix_count AS found_fixes,"
        + " f.invalid_speed_count AS found_invalid, f.ride_id AS found_ride_id,"
        + " f.final_rows, f.pane_index, f.pane_timing"
        + " FROM windowed_expected e FULL JOIN windowed_found f"
        + " ON e.uuid IS NOT DISTINCT FROM f.uuid AND e.window_start = f.window_start"
        + " WHERE e.window_start IS NULL OR f.window_start IS NULL"
        + " OR f.final_rows <> 1 OR f.window_end IS DISTINCT FROM e.window_end"
        + " OR f.fix_count IS DISTINCT FROM e.fix_count"
        + " OR f.invalid_speed_count IS DISTINCT FROM e.invalid_speed_count"
        + " OR NOT "
        + meansMatch
        + " OR NOT "
        + rideIdAccepted;
  }

  private static String describe(ResultSet row) throws SQLException {
    String key = RouteWindow.name(row.getString("uuid"), (Long) row.getObject("window_start"));
    String expected =
        "mean_speed="
            + row.getObject("expected_mean")
            + ", fix_count="
            + row.getObject("expected_fixes")
            + ", invalid_speed_count="
            + row.getObject("expected_invalid")
            + ", ride_id "
            + rideIds(row.getString("expected_ride_ids"));
    if (!row.getBoolean("is_found")) {
      return key + ": missing; expected " + expected;
    }
    String found =
        "mean_speed="
            + row.getObject("found_mean")
            + ", fix_count="
            + row.getObject("found_fixes")
            + ", invalid_speed_count="
            + row.getObject("found_invalid")
            + ", ride_id="
            + row.getString("found_ride_id")
            + (row.getBoolean("is_expected")
                    && !Objects.equals(row.getObject("found_end"), row.getObject("expected_end"))
                ? ", window_end=" + RouteWindow.instant((Long) row.getObject("found_end"))
                : "")
            + " (pane "
            + row.getObject("pane_index")
            + " "
            + row.getString("pane_timing")
            + (row.getLong("final_rows") == 1 ? "" : ", " + row.getLong("final_rows") + " rows")
            + ")";
    if (!row.getBoolean("is_expected")) {
      return key + ": not expected; found " + found;
    }
    return key + ": expected " + expected + "; found " + found;
  }

  private static String rideIds(String list) {
    return "[]".equals(list) ? "null" : "in " + list;
  }
}

package io.github.bddreplay.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The panes of every route window of windowed (update semantics) follow Beam's protocol:
 *
 * <ul>
 *   <li>the pane indices are 0, 1, ..., n without gaps;
 *   <li>the timings in index order are EARLY panes, at most one ON_TIME pane, then LATE panes: no
 *       EARLY pane after the ON_TIME or a LATE one, no LATE pane before the ON_TIME one;
 *   <li>all rows of one pane agree on its timing, which is EARLY, ON_TIME or LATE;
 *   <li>a pane is one result: one row.
 * </ul>
 */
final class PaneProtocolCheck implements Check {
  private final PanedOutput output;

  PaneProtocolCheck(PanedOutput output) {
    this.output = output;
  }

  @Override
  public String name() {
    return output.folder().name() + " pane protocol";
  }

  @Override
  public CheckResult run(DuckDb db) throws SQLException {
    if (!output.folder().exists()) {
      return CheckResult.failed(name(), "0 violations", output.folder().missing());
    }
    String perKey = "pane_protocol_" + output.folder().name().replace('-', '_');
    db.execute(
        "CREATE OR REPLACE TEMP TABLE " + perKey + " AS " + perRouteWindow(output.panes(db)));
    List<String> perRouteWindow =
        db.query(
            "SELECT * FROM " + perKey + " ORDER BY uuid NULLS FIRST, window_start NULLS FIRST",
            this::violation);
    List<String> violations = perRouteWindow.stream().filter(line -> !line.isEmpty()).toList();
    long panes = db.queryLong("SELECT coalesce(sum(panes), 0) FROM " + perKey);
    return CheckResult.compared(
        name(),
        "0 violations",
        violations.size()
            + " violations ("
            + perRouteWindow.size()
            + " route windows, "
            + panes
            + " panes)",
        violations);
  }

  /** The route window's violations on one line, or "" when it follows the protocol. */
  private String violation(ResultSet row) throws SQLException {
    String problems = problems(row);
    return problems.isEmpty()
        ? ""
        : RouteWindow.name(row.getString("uuid"), (Long) row.getObject("window_start"))
            + ": panes "
            + row.getString("sequence")
            + ": "
            + problems;
  }

  /** Per route window, what the protocol is about: indices, timings in order, rows per pane. */
  private static String perRouteWindow(String panes) {
    return "WITH p AS (SELECT uuid, window_start, pane_index, count(DISTINCT pane_timing) AS timings,"
        + " min(pane_timing) AS timing, sum(row_count) AS row_count FROM "
        + panes
        + " GROUP BY uuid, window_start, pane_index)"
        + " SELECT uuid, window_start, count(*) AS panes,"
        + " count(*) FILTER (WHERE pane_index IS NULL) AS null_indices,"
        + " min(pane_index) AS first_index, max(pane_index) AS last_index,"
        + " count(*) FILTER (WHERE timing = 'ON_TIME') AS on_time_panes,"
        + " min(pane_index) FILTER (WHERE timing = 'ON_TIME') AS on_time_index,"
        + " max(pane_index) FILTER (WHERE timing = 'EARLY') AS last_early,"
        + " min(pane_index) FILTER (WHERE timing = 'LATE') AS first_late,"
        + " CAST(list(pane_index ORDER BY pane_index) FILTER (WHERE timings > 1) AS VARCHAR)"
        + " AS mixed_panes,"
        + " CAST(list(DISTINCT timing) FILTER (WHERE timing IS NULL"
        + " OR timing NOT IN ('EARLY', 'ON_TIME', 'LATE')) AS VARCHAR) AS unknown_timings,"
        + " max(row_count) AS most_rows,"
        + " string_agg(coalesce(CAST(pane_index AS VARCHAR), 'null') || ' ' || coalesce(timing, 'null'),"
        + " ', ' ORDER BY pane_index) AS sequence"
        + " FROM p GROUP BY uuid, window_start";
  }

  private static String problems(ResultSet row) throws SQLException {
    List<String> problems = new ArrayList<>();
    long panes = row.getLong("panes");
    if (row.getLong("null_indices") > 0) {
      problems.add("rows without pane_index");
    }
    Long first = (Long) row.getObject("first_index");
    Long last = (Long) row.getObject("last_index");
    if (first != null && (first != 0 || last - first + 1 != panes - row.getLong("null_indices"))) {
      problems.add("indices are not 0.." + (panes - 1) + " without gaps");
    }
    if (row.getLong("on_time_panes") > 1) {
      problems.add(row.getLong("on_time_panes") + " ON_TIME panes");
    }
    Long onTime = (Long) row.getObject("on_time_index");
    Long lastEarly = (Long) row.getObject("last_early");
    Long firstLate = (Long) row.getObject("first_late");
    if (onTime != null && lastEarly != null && lastEarly > onTime) {
      problems.add("EARLY pane " + lastEarly + " after ON_TIME pane " + onTime);
    }
    if (onTime != null && firstLate != null && firstLate < onTime) {
      problems.add("LATE pane " + firstLate + " before ON_TIME pane " + onTime);
    }
    if (lastEarly != null && firstLate != null && lastEarly > firstLate) {
      problems.add("EARLY pane " + lastEarly + " after LATE pane " + firstLate);
    }
    if (row.getString("mixed_panes") != null) {
      problems.add("panes " + row.getString("mixed_panes") + " have rows of several timings");
    }
    if (row.getString("unknown_timings") != null) {
      problems.add(
          "pane_timing " + row.getString("unknown_timings") + " is not EARLY, ON_TIME or LATE");
    }
    if (row.getLong("most_rows") > 1) {
      problems.add("a pane has " + row.getLong("most_rows") + " rows instead of one");
    }
    return String.join("; ", problems);
  }
}

package io.github.bddreplay.verify;

import java.sql.SQLException;
import java.util.List;

/**
 * An output with update semantics (windowed): every pane of a route window carries its whole
 * current result, so the rows of the highest {@code pane_index} per (uuid, window_start) are the
 * final answer. Its panes are counted once into a table that the value check and the pane-protocol
 * check share.
 */
final class PanedOutput {
  private final OutputFolder folder;
  private final List<Column> columns;
  private final String panesTable;
  private boolean panesCounted;

  PanedOutput(OutputFolder folder, List<Column> columns) {
    this.folder = folder;
    this.columns = columns;
    this.panesTable = "panes_" + folder.name().replace('-', '_');
  }

  OutputFolder folder() {
    return folder;
  }

  /** Every row of the output, every pane. */
  String rows() {
    return folder.rows(columns);
  }

  /**
   * The table of the output's panes: per uuid, window_start, pane_index and pane_timing, the number
   * of rows ({@code row_count}).
   */
  String panes(DuckDb db) throws SQLException {
    if (!panesCounted) {
      db.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + panesTable
              + " AS SELECT uuid, window_start, pane_index,"
              + " pane_timing, count(*) AS row_count FROM "
              + rows()
              + " GROUP BY uuid, window_start, pane_index, pane_timing");
      panesCounted = true;
    }
    return panesTable;
  }

  /** The rows of each route window's highest pane. */
  String finalRows(DuckDb db) throws SQLException {
    return "(SELECT o.* FROM "
        + rows()
        + " o JOIN "
        + finalPanes(db)
        + " p"
        + " ON o.uuid IS NOT DISTINCT FROM p.uuid AND o.window_start = p.window_start"
        + " AND o.pane_index = p.pane_index)";
  }

  /** Per route window its highest pane: uuid, window_start, pane_index, pane_timing. */
  String finalPanes(DuckDb db) throws SQLException {
    return "(SELECT uuid, window_start, pane_index, min(pane_timing) AS pane_timing FROM "
        + panes(db)
        + " GROUP BY uuid, window_start, pane_index"
        + " QUALIFY pane_index = max(pane_index) OVER (PARTITION BY uuid, window_start))";
  }
}

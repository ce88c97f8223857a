package io.github.bddreplay.verify;

import java.sql.SQLException;

/** One check of a verification, run against the answer loaded into DuckDB. */
interface Check {
  /** The check's name in the table, such as "simple locations rows". */
  String name();

  /**
   * @throws SQLException when DuckDB cannot make the check (an output file it cannot read, a column
   *     missing from it); the check then fails with DuckDB's reason
   */
  CheckResult run(DuckDb db) throws SQLException;
}

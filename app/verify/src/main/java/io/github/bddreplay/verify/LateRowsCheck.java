package io.github.bddreplay.verify;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The late-data output of one topic ({@code output/late/<topic>/}): rows the pipelines received
 * after their window's lateness had run out. Each must be a row of the answer; they are then taken
 * out of it, so the checks after this one compare the pipelines with the rows they could still
 * take. Runs before every other output check.
 */
final class LateRowsCheck implements Check {
  private final String topic;
  private final OutputFolder late;

  LateRowsCheck(String topic, OutputFolder late) {
    this.topic = topic;
    this.late = late;
  }

  @Override
  public String name() {
    return "late " + topic + " rows";
  }

  @Override
  public CheckResult run(DuckDb db) throws SQLException {
    if (!late.exists()) {
      return CheckResult.compared(name(), "rows of the answer", "0", List.of());
    }
    String columns =
        Schemas.topic(topic).stream()
            .map(column -> Sql.quote(column.name()))
            .collect(Collectors.joining(", "));
    String expected = ExpectedRows.table(topic);
    String lateTable = "late_" + topic;
    db.execute(
        "CREATE OR REPLACE TEMP TABLE " + lateTable + " AS " + late.rows(Schemas.topic(topic)));
    long rows = db.queryLong("SELECT count(*) FROM " + lateTable);
    String foreign =
        "SELECT "
            + columns
            + " FROM "
            + lateTable
            + " EXCEPT ALL SELECT "
            + columns
            + " FROM "
            + expected;
    List<String> differences =
        db.query(
            "SELECT "
                + Sql.quote(Schemas.UUID)
                + ", "
                + Sql.quote(Schemas.TIMESTAMP)
                + " FROM ("
                + foreign
                + ") LIMIT "
                + CheckResult.SHOWN,
            row ->
                "not a row of the answer: uuid "
                    + row.getString(1)
                    + ", timestamp "
                    + row.getLong(2));
    String remaining = expected + "_without_late";
    db.execute(
        "CREATE OR REPLACE TEMP TABLE "
            + remaining
            + " AS SELECT "
            + columns
            + " FROM "
            + expected
            + " EXCEPT ALL SELECT "
            + columns
            + " FROM "
            + lateTable);
    db.execute("DROP TABLE " + expected);
    db.execute("ALTER TABLE " + remaining + " RENAME TO " + expected);
    return CheckResult.compared(name(), "rows of the answer", Long.toString(rows), differences);
  }
}

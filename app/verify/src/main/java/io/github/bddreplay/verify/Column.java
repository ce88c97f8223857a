package io.github.bddreplay.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A column verify reads from Parquet files, as it compares it: timestamps become epoch microseconds
 * (BIGINT), so the answer computed from offsets and the rows the pipelines wrote meet in one type.
 *
 * @param type the DuckDB type of the column as compared
 */
record Column(String name, String type, boolean timestamp) {
  static Column of(String name, String type) {
    return new Column(name, type, false);
  }

  static Column timestamp(String name) {
    return new Column(name, "BIGINT", true);
  }

  Column prefixed(String prefix) {
    return new Column(prefix + name, type, timestamp);
  }

  /** The column's value in a relation {@code alias} that holds it as stored in Parquet. */
  String readFrom(String alias) {
    String stored = alias + "." + Sql.quote(name);
    return timestamp ? "epoch_us(" + stored + ")" : stored;
  }

  /**
   * A query of {@code columns} in every one of {@code files}, or an empty relation of the same
   * columns when there are no files (DuckDB reads no empty file list).
   */
  static String select(List<Column> columns, List<Path> files) {
    if (files.isEmpty()) {
      return columns.stream()
          .map(column -> "NULL::" + column.type + " AS " + Sql.quote(column.name))
          .collect(Collectors.joining(", ", "SELECT ", " WHERE false"));
    }
    return "SELECT " + selectList(columns, "f") + " FROM " + readParquet(files) + " f";
  }

  /** Each of {@code columns} read from relation {@code alias}, under its own name. */
  static String selectList(List<Column> columns, String alias) {
    return columns.stream()
        .map(column -> column.readFrom(alias) + " AS " + Sql.quote(column.name))
        .collect(Collectors.joining(", "));
  }

  /**
   * DuckDB's reader over exactly {@code files} (at least one); folder names such as t=1.0 are not
   * columns. {@code options} are more of its named parameters.
   */
  static String readParquet(List<Path> files, String... options) {
    StringBuilder reader =
        new StringBuilder("read_parquet(")
            .append(Sql.fileList(files))
            .append(", hive_partitioning = false");
    for (String option : options) {
      reader.append(", ").append(option);
    }
    return reader.append(")").toString();
  }
}

package io.github.bddreplay.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The values of a row in SQL: as a difference shows them (every column by name, timestamps as UTC
 * date and time, as DuckDB prints a struct: {@code {'id': 3f2a, 'timestamp': 2026-11-24 10:00:01.5,
 * ...}}) and as a hash over them.
 */
final class RowText {
  /** One value: the name it is shown under and the expression that gives it. */
  record Field(String shown, String value, boolean timestamp) {}

  private RowText() {}

  /**
   * The fields of {@code columns} in relation {@code alias}, whose column names there carry {@code
   * prefix}, shown under {@code shownPrefix} + the column's name.
   */
  static List<Field> fields(List<Column> columns, String alias, String prefix, String shownPrefix) {
    return columns.stream()
        .map(
            column ->
                new Field(
                    shownPrefix + column.name(),
                    alias + "." + Sql.quote(prefix + column.name()),
                    column.timestamp()))
        .toList();
  }

  @SafeVarargs
  static List<Field> concat(List<Field>... parts) {
    List<Field> all = new ArrayList<>();
    for (List<Field> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  /** The row as text. */
  static String text(List<Field> fields) {
    return fields.stream()
        .map(
            field ->
                Sql.literal(field.shown())
                    + ": "
                    + (field.timestamp() ? "make_timestamp(" + field.value() + ")" : field.value()))
        .collect(Collectors.joining(", ", "CAST({", "} AS VARCHAR)"));
  }

  /** DuckDB's 64-bit hash of the row, for grouping equal rows. */
  static String hash(List<Field> fields) {
    return "hash(" + values(fields) + ")";
  }

  private static String values(List<Field> fields) {
    return fields.stream().map(Field::value).collect(Collectors.joining(", "));
  }
}

package io.github.bddreplay.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Pieces of DuckDB SQL text built from Java values, quoted so that no value can break a query. */
public final class Sql {
  /** The event-time windows: fixed, aligned on the epoch, in microseconds. */
  static final long WINDOW_MICROS = 15_000_000L;

  private Sql() {}

  /** {@code name} as a DuckDB identifier: column names such as {@code offset} are keywords. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A DuckDB list of the files' paths, for {@code read_parquet}. */
  public static String fileList(List<Path> files) {
    return files.stream()
        .map(file -> literal(pathText(file)))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * A file's path as verify hands it to DuckDB, and as DuckDB's {@code filename} column gives it
   * back.
   */
  static String pathText(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /**
   * The start of the window holding {@code micros}, as Beam places it: the event time taken to the
   * millisecond (floor), then down to a multiple of 15 s; both floors make one, taken here with a
   * modulo that stays positive before 1970 too.
   */
  static String windowStart(String micros) {
    return "("
        + micros
        + " - ((("
        + micros
        + ") % "
        + WINDOW_MICROS
        + " + "
        + WINDOW_MICROS
        + ") % "
        + WINDOW_MICROS
        + "))";
  }
}

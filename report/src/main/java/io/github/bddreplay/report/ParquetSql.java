package io.github.bddreplay.report;

import io.github.bddreplay.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** SQL over Parquet files in an in-process DuckDB, for the figures the page shows. */
final class ParquetSql implements AutoCloseable {
  /** Reads one result row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * {@code read_parquet} option that adds a column naming each row's file; not DuckDB's default
   * name {@code filename}, which the BDD topics already use for a column of their own.
   */
  static final String WITH_SOURCE_FILE = "filename = 'source_file'";

  private final Connection connection;

  private ParquetSql(Connection connection) {
    this.connection = connection;
  }

  static ParquetSql open() {
    try {
      return new ParquetSql(DriverManager.getConnection("jdbc:duckdb:"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code sql}, in which {@code FILES} stands for the list of {@code files}, as
   * {@code read_parquet(FILES)}; a failure names
   * {@code what} (the folder read), since DuckDB's own message may name only one file of many.
   */
  <T> List<T> query(String sql, List<Path> files, String what, RowReader<T> reader) {
    if (files.isEmpty()) {
      // DuckDB refuses an empty file list; no files hold no rows.
      return List.of();
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql.replace("FILES", fileList(files)))) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(reader.read(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new BadInputException(what + ": cannot read its Parquet files: " + firstLine(e.getMessage()), e);
    }
  }

  /** The {@code .parquet} files at {@code depth} below {@code folder}, sorted; none if it is absent. */
  static List<Path> files(Path folder, int depth) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder, depth)) {
      return walk.filter(p -> p.getNameCount() - folder.getNameCount() == depth)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list it: " + e.getMessage(), e);
    }
  }

  private static String fileList(List<Path> files) {
    return files.stream()
        .map(file -> "'" + file.toString().replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }
}

package io.github.bddreplay.report;

import io.github.bddreplay.BadInputException;
import io.github.bddreplay.verify.DuckDb;
import io.github.bddreplay.verify.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** SQL over Parquet files in an in-process DuckDB, for the figures the page shows. */
final class ParquetSql implements AutoCloseable {
  /**
   * {@code read_parquet} option that adds a column naming each row's file; not DuckDB's default
   * name {@code filename}, which the BDD topics already use for a column of their own.
   */
  static final String WITH_SOURCE_FILE = "filename = 'source_file'";

  private final DuckDb db;

  private ParquetSql(DuckDb db) {
    this.db = db;
  }

  static ParquetSql open() {
    try {
      return new ParquetSql(DuckDb.open());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code sql}, in which {@code FILES} stands for the list of {@code files}, as
   * {@code read_parquet(FILES)}; a failure names
   * {@code what} (the folder read), since DuckDB's own message may name only one file of many.
   */
  <T> List<T> query(String sql, List<Path> files, String what, DuckDb.RowReader<T> reader) {
    if (files.isEmpty()) {
      // DuckDB refuses an empty file list; no files hold no rows.
      return List.of();
    }
    try {
      return db.query(sql.replace("FILES", Sql.fileList(files)), reader);
    } catch (SQLException e) {
      throw new BadInputException(what + ": cannot read its Parquet files: " + DuckDb.firstLine(e), e);
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
          // A name starting with '.' or '_' is a file being written or a marker, not data.
          .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list it: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}

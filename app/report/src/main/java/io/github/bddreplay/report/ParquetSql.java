package io.github.bddreplay.report;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.verify.DuckDb;
import io.github.bddreplay.verify.Sql;
import io.github.bddreplay.verify.VisibleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

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
   * Runs {@code sql}, in which {@code FILES} stands for the list of {@code files}, as {@code
   * read_parquet(FILES)}; a failure names {@code what} (the folder read), since DuckDB's own
   * message may name only one file of many.
   */
  <T> List<T> query(String sql, List<Path> files, String what, DuckDb.RowReader<T> reader) {
    if (files.isEmpty()) {
      // DuckDB refuses an empty file list; no files hold no rows.
      return List.of();
    }
    try {
      return db.query(sql.replace("FILES", Sql.fileList(files)), reader);
    } catch (SQLException e) {
      throw new BadInputException(
          what + ": cannot read its Parquet files: " + DuckDb.firstLine(e), e);
    }
  }

  /**
   * The visible {@code .parquet} files under {@code folder} (verify's rule), sorted; none if
   * absent.
   */
  static List<Path> files(Path folder) {
    try {
      return VisibleFiles.under(folder).stream().filter(VisibleFiles::isParquet).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list it: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}

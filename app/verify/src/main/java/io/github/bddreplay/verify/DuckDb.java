package io.github.bddreplay.verify;

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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An in-process DuckDB database in memory, sized for a shared two-core machine: two threads, a
 * memory limit, and a temporary folder of its own to spill to, so a large run is slower rather than
 * out of memory. The folder is deleted on close. The report reads its figures through it too.
 */
public final class DuckDb implements AutoCloseable {
  static final int THREADS = 2;
  static final String MEMORY_LIMIT = "2GB";

  /** Reads one row of a result. */
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Path spillFolder;

  private DuckDb(Connection connection, Path spillFolder) {
    this.connection = connection;
    this.spillFolder = spillFolder;
  }

  public static DuckDb open() throws IOException {
    Path spillFolder = Files.createTempDirectory("bdd-verify-duckdb-");
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      DuckDb db = new DuckDb(connection, spillFolder);
      db.execute("SET threads = " + THREADS);
      db.execute("SET memory_limit = " + Sql.literal(MEMORY_LIMIT));
      db.execute("SET temp_directory = " + Sql.literal(spillFolder.toString()));
      // Nothing verify computes depends on row order; without it DuckDB streams and spills more
      // freely.
      db.execute("SET preserve_insertion_order = false");
      // Every file is read once. Cached, the ~200,000 small source files of a 10,000-car set filled
      // the memory limit with their bytes, and loading them slowed from 1 s per 2,000 files to 25
      // s.
      db.execute("SET enable_external_file_cache = false");
      return db;
    } catch (SQLException e) {
      deleteRecursively(spillFolder);
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  public <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(reader.read(rows));
      }
      return result;
    }
  }

  /** A bulk writer of rows into {@code table}, far faster than INSERTs row by row. */
  DuckDBAppender appender(String table) throws SQLException {
    return connection
        .unwrap(DuckDBConnection.class)
        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }

  long queryLong(String sql) throws SQLException {
    return query(sql, row -> row.getLong(1)).get(0);
  }

  /** The first line of a DuckDB error, which names the problem (and usually the file). */
  public static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close DuckDB: " + e.getMessage(), e);
    } finally {
      deleteRecursively(spillFolder);
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete DuckDB's temporary folder " + folder, e);
    }
  }
}

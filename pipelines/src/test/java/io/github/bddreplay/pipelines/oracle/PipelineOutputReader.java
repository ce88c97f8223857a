package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.parquet.BddSchemas;
import io.github.bddreplay.parquet.ParquetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads what the pipelines wrote under an output root: {@code simple/<topic>/}, {@code windowed/}
 * and {@code stream-joined/}, each a tree of Parquet files. Names starting with {@code _} or
 * {@code .} (markers, FileIO's {@code .temp-beam*} folders of unfinished files) are skipped at any
 * depth; any other file that is not {@code *.parquet} is an error, so no output goes unread.
 *
 * <p>Files the pipelines wrote wrongly (a missing column, a value of the wrong type, panes that
 * contradict each other) fail with an {@link AssertionError} naming the file.
 */
public final class PipelineOutputReader {
  public static final String SIMPLE = "simple";
  public static final String WINDOWED = "windowed";
  public static final String STREAM_JOINED = "stream-joined";

  private final Path root;

  private PipelineOutputReader(Path root) {
    this.root = root;
  }

  /** A reader of the outputs under {@code outputRoot}. */
  public static PipelineOutputReader at(Path outputRoot) {
    return new PipelineOutputReader(outputRoot);
  }

  /** Every row the simple pipeline wrote for {@code topic}. */
  public SimpleOutput simple(String topic) throws IOException {
    List<String> columns = sourceColumns(topic);
    List<Path> files = dataFiles(root.resolve(SIMPLE).resolve(topic));
    List<RowFingerprint> rows = new ArrayList<>();
    Set<String> schemas = new TreeSet<>();
    for (Path file : files) {
      schemas.add(schemaText(file));
      forEachRow(file, row -> rows.add(RowFingerprint.of(row, columns)));
    }
    return new SimpleOutput(Multisets.of(rows), schemas, files.size());
  }

  /** The final windowed rows: per route and window, the row of the highest pane. */
  public WindowedOutput windowed() throws IOException {
    List<Path> files = dataFiles(root.resolve(WINDOWED));
    PaneCollector<WindowedRow> collector = new PaneCollector<>(WINDOWED);
    for (Path file : files) {
      forEachRow(
          file,
          record -> {
            WindowedRow row = WindowedRow.from(record);
            collector.add(row.key(), row.pane(), row, file);
          });
    }
    collector.requireOneRowPerPane();
    SortedMap<WindowKey, WindowedRow> finalRows = new TreeMap<>();
    collector.finalRows().forEach((key, rows) -> finalRows.put(key, rows.get(0)));
    return new WindowedOutput(finalRows, collector.statistics(files.size()));
  }

  /** The final stream-joined rows: per route and window, the rows of the highest pane. */
  public JoinedOutput joined() throws IOException {
    List<Path> files = dataFiles(root.resolve(STREAM_JOINED));
    PaneCollector<RowFingerprint> collector = new PaneCollector<>(STREAM_JOINED);
    for (Path file : files) {
      forEachRow(
          file,
          record ->
              collector.add(
                  OutputColumns.windowKey(record),
                  OutputColumns.pane(record),
                  RowFingerprint.of(record, BatchOracle.JOINED_COLUMNS),
                  file));
    }
    SortedMap<WindowKey, Map<RowFingerprint, Long>> finalRows = new TreeMap<>();
    collector.finalRows().forEach((key, rows) -> finalRows.put(key, Multisets.of(rows)));
    return new JoinedOutput(finalRows, collector.finalPanes(), collector.statistics(files.size()));
  }

  private static List<String> sourceColumns(String topic) {
    switch (topic) {
      case BddSchemas.LOCATIONS:
        return BatchOracle.LOCATION_COLUMNS;
      case BddSchemas.ACCELERATIONS:
        return BatchOracle.ACCELERATION_COLUMNS;
      default:
        throw new IllegalArgumentException("unknown topic: " + topic);
    }
  }

  private static String schemaText(Path file) throws IOException {
    try {
      return ParquetFiles.readSchema(file).toString();
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a readable Parquet file: " + e, e);
    }
  }

  /** Hands every row of {@code file} to {@code consumer}; a row it rejects fails the read. */
  private static void forEachRow(Path file, Consumer<GenericRecord> consumer) throws IOException {
    long rowNumber = 0;
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rowNumber++;
        try {
          consumer.accept(row);
        } catch (IllegalArgumentException e) {
          throw new AssertionError(file + ", row " + rowNumber + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a readable Parquet file: " + e, e);
    }
  }

  /**
   * The data files under {@code dir} in path order.
   *
   * @throws IOException when {@code dir} does not exist (the pipeline wrote nothing there)
   * @throws AssertionError when a visible file is not a Parquet file
   */
  private static List<Path> dataFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no output folder " + dir + ": the pipeline wrote nothing there");
    }
    List<Path> files = DataFiles.visibleUnder(dir);
    for (Path file : files) {
      if (!DataFiles.isParquet(file)) {
        throw new AssertionError(
            "unexpected file " + file + " in the output: neither *.parquet nor hidden");
      }
    }
    return files;
  }
}

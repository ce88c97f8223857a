package io.github.bddreplay.report;

import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of {@code output/windowed/}, each with when its file was written. */
final class WindowedOutput {
  private WindowedOutput() {}

  static List<PaneRow> read(ParquetSql sql, Path outputRoot) {
    Path folder = Path.of(PipelineOutput.WINDOWED.directoryUnder(outputRoot.toString()));
    List<Path> files = ParquetSql.files(folder);
    Map<String, Long> written = new HashMap<>();
    for (Path file : files) {
      written.put(file.toString(), modified(file));
    }
    return sql.query(
        "SELECT source_file, uuid, epoch_ms(window_start), epoch_ms(window_end), pane_index,"
            + " pane_timing, mean_speed FROM read_parquet(FILES, "
            + ParquetSql.WITH_SOURCE_FILE
            + ")"
            + " ORDER BY uuid, window_start, pane_index",
        files,
        folder.toString(),
        row ->
            new PaneRow(
                row.getString(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getString(6),
                (Double) row.getObject(7),
                row.getString(1),
                written.get(row.getString(1))));
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read its modification time", e);
    }
  }
}

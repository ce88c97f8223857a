package io.github.bddreplay.report;

import io.github.bddreplay.contract.ReplayLogLine;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Chart (f), the run in numbers: what the replay published, how many cars it carried, what each
 * pipeline output holds and how many input files ended as dead letters. The outputs are counted as
 * the pipelines' OutputCensus counts them (rows; distinct route windows; distinct panes by timing),
 * but in SQL over the needed columns only: the census reads every row of every file, seconds per
 * hundred thousand rows, and the page is written at the end of every demo.
 */
record RunFacts(
    long publications,
    long latePublications,
    Map<String, Long> rowsPublished,
    long carsPublished,
    long carsWindowed,
    Long medianLagMillis,
    Long maxLagMillis,
    List<OutputFacts> outputs,
    long deadLetters,
    long filesWithRowsWithoutUuid) {

  /**
   * One output folder ({@code written}: it exists; a pipeline not run leaves none); the window and
   * pane counts are those of windowed outputs only.
   */
  record OutputFacts(
      String folder,
      boolean written,
      long files,
      long rows,
      Long windows,
      Map<String, Long> panesByTiming) {}

  static RunFacts of(
      ParquetSql sql,
      List<Path> inputFiles,
      String inputWhat,
      List<ReplayLogLine> log,
      List<PaneRow> windowed,
      Path outputRoot,
      Path errors) {
    Map<String, Long> rows = new TreeMap<>();
    log.forEach(p -> rows.merge(p.topic(), p.rows(), Long::sum));
    long[] lags = log.stream().mapToLong(ReplayLogLine::lagMillis).sorted().toArray();
    long cars =
        single(
            sql,
            "SELECT count(DISTINCT uuid) FROM read_parquet(FILES, union_by_name = true)",
            inputFiles,
            inputWhat);
    return new RunFacts(
        log.size(),
        log.stream().filter(ReplayLogLine::isLate).count(),
        rows,
        cars,
        windowed.stream().map(PaneRow::uuid).distinct().count(),
        lags.length == 0 ? null : lags[lags.length / 2],
        lags.length == 0 ? null : lags[lags.length - 1],
        outputs(sql, outputRoot),
        entriesBelow(errors, false),
        entriesBelow(errors, true));
  }

  private static List<OutputFacts> outputs(ParquetSql sql, Path outputRoot) {
    List<OutputFacts> outputs = new ArrayList<>();
    for (PipelineOutput output : PipelineOutput.values()) {
      Path folder = Path.of(output.directoryUnder(outputRoot.toString()));
      List<Path> files = ParquetSql.files(folder);
      String what = folder.toString();
      long rows =
          single(sql, "SELECT sum(num_rows) FROM parquet_file_metadata(FILES)", files, what);
      Long windows = null;
      Map<String, Long> panes = null;
      if (output == PipelineOutput.WINDOWED || output == PipelineOutput.STREAM_JOINED) {
        windows =
            single(
                sql,
                "SELECT count(*) FROM (SELECT DISTINCT uuid, window_start FROM read_parquet(FILES))",
                files,
                what);
      }
      // stream-joined has append semantics: no panes, every row final.
      if (output == PipelineOutput.WINDOWED) {
        panes = new TreeMap<>();
        for (Map.Entry<String, Long> timing :
            sql.query(
                "SELECT pane_timing, count(*) FROM (SELECT DISTINCT uuid, window_start, pane_index,"
                    + " pane_timing FROM read_parquet(FILES)) GROUP BY pane_timing",
                files,
                what,
                row -> Map.entry(row.getString(1), row.getLong(2)))) {
          panes.put(timing.getKey(), timing.getValue());
        }
      }
      outputs.add(
          new OutputFacts(
              outputRoot.relativize(folder).toString(),
              Files.isDirectory(folder),
              files.size(),
              rows,
              windows,
              panes));
    }
    return outputs;
  }

  /** A query's one number; 0 when there are no files to ask. */
  private static long single(ParquetSql sql, String query, List<Path> files, String what) {
    return sql.query(query, files, what, row -> row.getLong(1)).stream().findFirst().orElse(0L);
  }

  /**
   * The dead-letter entries in {@code folder}: of unreadable files, or the row-level ones of files
   * holding rows without uuid ({@code <name>.rows.txt}).
   */
  private static long entriesBelow(Path folder, boolean rowLevel) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              file ->
                  file.getFileName().toString().endsWith(StreamLayout.ROW_DEAD_LETTER_SUFFIX)
                      == rowLevel)
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list it: " + e.getMessage(), e);
    }
  }
}

package io.github.bddreplay.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.jsoup.nodes.Document;

/**
 * Whether the charts hold what the run's files hold, the expected figures worked out here on their
 * own (parquet-avro and the raw replay log, not the report's DuckDB queries): a line per car of the
 * windowed output, a track per car with fixes in the input, a lag point and a bar per publication
 * (late ones among the late bars), a pane mark per output file and timing, and a bar per window and
 * timing.
 */
final class ChartsAgainstOutputs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ChartsAgainstOutputs() {}

  static List<String> mismatches(Document dom, Path results) {
    List<GenericRecord> windowed = rows(results.resolve("output/windowed"));
    Set<String> windowedCars = new HashSet<>();
    Set<Object> windows = new HashSet<>();
    Set<List<String>> fileTimings = new HashSet<>();
    for (GenericRecord row : windowed) {
      windowedCars.add(row.get("uuid").toString());
      windows.add(row.get("window_start"));
    }
    for (Path file : ParquetRows.files(results.resolve("output/windowed"))) {
      for (GenericRecord row : ParquetRows.read(file)) {
        fileTimings.add(List.of(file.toString(), row.get("pane_timing").toString()));
      }
    }
    Set<String> trackedCars = new HashSet<>();
    for (GenericRecord row : rows(results.resolve("input/locations"))) {
      if (row.get("latitude") != null && row.get("longitude") != null) {
        trackedCars.add(row.get("uuid").toString());
      }
    }
    List<JsonNode> log = replayLog(results);
    long late = log.stream().filter(line -> line.get("late_by_s").asDouble() > 0).count();

    List<String> problems = new ArrayList<>();
    List<ChartSeries> speed = ChartSeries.of(dom, "chart-speed");
    expect(
        problems,
        "speed chart: lines (one per car in the windowed output)",
        windowedCars.size(),
        ChartSeries.ofType(speed, "line").size());
    List<ChartSeries> tracks = ChartSeries.of(dom, "chart-tracks");
    expect(
        problems,
        "track chart: series (one per car in the input locations)",
        trackedCars.size(),
        ChartSeries.ofType(tracks, "line").size());
    expect(
        problems,
        "lag chart: points (one per publication)",
        log.size(),
        ChartSeries.points(ChartSeries.of(dom, "chart-lag")));
    List<ChartSeries> time = ChartSeries.of(dom, "chart-time");
    expect(
        problems,
        "event-time chart: publication bars (one per publication)",
        log.size(),
        ChartSeries.points(ChartSeries.ofType(time, "custom")));
    expect(
        problems,
        "event-time chart: late publication bars",
        late,
        ChartSeries.named(time, "late publication").points());
    expect(
        problems,
        "event-time chart: pane marks (one per output file and timing)",
        fileTimings.size(),
        ChartSeries.points(ChartSeries.ofType(time, "scatter")));
    for (ChartSeries bars : ChartSeries.of(dom, "chart-panes")) {
      expect(
          problems,
          "panes chart: " + bars.name() + " bars (one per window)",
          windows.size(),
          bars.points());
    }
    return problems;
  }

  private static void expect(List<String> problems, String what, long expected, long found) {
    if (expected != found) {
      problems.add(what + ": expected " + expected + ", found " + found);
    }
  }

  private static List<GenericRecord> rows(Path folder) {
    List<GenericRecord> rows = new ArrayList<>();
    ParquetRows.files(folder).forEach(file -> rows.addAll(ParquetRows.read(file)));
    return rows;
  }

  private static List<JsonNode> replayLog(Path results) {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(results.resolve("replay-log.jsonl"))) {
        lines.add(MAPPER.readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

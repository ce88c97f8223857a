package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.pipelines.source.BeamInputFile;
import io.github.bddreplay.pipelines.transforms.JoinedRow;
import io.github.bddreplay.pipelines.transforms.MeanSpeedRow;
import io.github.bddreplay.pipelines.transforms.WindowPane;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * What the pipelines wrote, counted from the output files themselves (through Beam's {@link
 * FileSystems}, so on any file system): files and rows per output and, for the windowed outputs,
 * route windows and panes per timing. Unlike the runner's counters, which the Spark runner counts
 * again whenever it recomputes a step, this is what a reader of the output will find.
 */
public record OutputCensus(Map<PipelineOutput, Count> outputs) {

  /**
   * One output's files, rows, route windows ({@code uuid}, window), panes by timing (outputs with
   * panes), for the windowed output the invalid speeds its final panes left out, and for the
   * stream-joined output the rows without partner (null-padded on one side).
   */
  public record Count(
      long files,
      long rows,
      long windows,
      Map<Timing, Long> panes,
      long invalidSpeeds,
      long withoutPartner) {
    public long panes(Timing timing) {
      return panes.getOrDefault(timing, 0L);
    }
  }

  private record PaneInvalidSpeeds(long paneIndex, long count) {}

  /** Counts the outputs under {@code outputRoot}; an output without a folder counts as empty. */
  public static OutputCensus of(String outputRoot) throws IOException {
    Map<PipelineOutput, Count> outputs = new TreeMap<>();
    for (PipelineOutput output : PipelineOutput.values()) {
      outputs.put(output, count(output, output.directoryUnder(outputRoot)));
    }
    return new OutputCensus(outputs);
  }

  public Count get(PipelineOutput output) {
    return outputs.get(output);
  }

  private static Count count(PipelineOutput output, String directory) throws IOException {
    List<MatchResult.Metadata> files =
        FileSystems.match(directory + "*.parquet", EmptyMatchTreatment.ALLOW).metadata();
    boolean windowed = output == PipelineOutput.WINDOWED || output == PipelineOutput.STREAM_JOINED;
    long rows = 0;
    Set<List<Object>> windows = new HashSet<>();
    Map<Timing, Set<List<Object>>> panes = new EnumMap<>(Timing.class);
    Map<List<Object>, PaneInvalidSpeeds> lastPanes = new HashMap<>();
    long withoutPartner = 0;
    for (MatchResult.Metadata file : files) {
      BeamInputFile input = new BeamInputFile(file);
      if (!windowed) {
        try {
          rows += ParquetFiles.rowCount(input);
          continue;
        } catch (IOException | RuntimeException e) {
          throw new IOException(
              file.resourceId() + ": cannot count its rows: " + e.getMessage(), e);
        }
      }
      try (ParquetReader<GenericRecord> reader =
          ParquetFiles.openReader(input, projection(output))) {
        for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
          rows++;
          List<Object> window =
              List.of(String.valueOf(row.get(MeanSpeedRow.UUID)), row.get(WindowPane.WINDOW_START));
          windows.add(window);
          if (output == PipelineOutput.STREAM_JOINED) {
            if (row.get(JoinedRow.LOCATION_TIMESTAMP) == null
                || row.get(JoinedRow.ACCELERATION_TIMESTAMP) == null) {
              withoutPartner++;
            }
            continue;
          }
          Timing timing = Timing.valueOf(row.get(WindowPane.PANE_TIMING).toString());
          panes
              .computeIfAbsent(timing, t -> new HashSet<>())
              .add(List.of(window, row.get(WindowPane.PANE_INDEX)));
          PaneInvalidSpeeds pane =
              new PaneInvalidSpeeds(
                  (Long) row.get(WindowPane.PANE_INDEX),
                  (Long) row.get(MeanSpeedRow.INVALID_SPEED_COUNT));
          lastPanes.merge(window, pane, (a, b) -> a.paneIndex() >= b.paneIndex() ? a : b);
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(file.resourceId() + ": cannot count its rows: " + e.getMessage(), e);
      }
    }
    Map<Timing, Long> paneCounts = new EnumMap<>(Timing.class);
    panes.forEach((timing, keys) -> paneCounts.put(timing, (long) keys.size()));
    long invalidSpeeds = lastPanes.values().stream().mapToLong(PaneInvalidSpeeds::count).sum();
    return new Count(files.size(), rows, windows.size(), paneCounts, invalidSpeeds, withoutPartner);
  }

  /** The columns the census reads of a windowed or joined output; the rest stay encoded. */
  private static Schema projection(PipelineOutput output) {
    return output == PipelineOutput.STREAM_JOINED
        ? subset(
            JoinedRow.SCHEMA,
            JoinedRow.UUID,
            WindowPane.WINDOW_START,
            JoinedRow.LOCATION_TIMESTAMP,
            JoinedRow.ACCELERATION_TIMESTAMP)
        : subset(
            MeanSpeedRow.SCHEMA,
            MeanSpeedRow.UUID,
            WindowPane.WINDOW_START,
            WindowPane.PANE_INDEX,
            WindowPane.PANE_TIMING,
            MeanSpeedRow.INVALID_SPEED_COUNT);
  }

  private static Schema subset(Schema schema, String... names) {
    List<Schema.Field> fields = new ArrayList<>();
    for (String name : names) {
      Schema.Field field = schema.getField(name);
      fields.add(new Schema.Field(field.name(), field.schema(), field.doc(), field.defaultVal()));
    }
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}

package io.github.bddreplay.bench;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.transforms.MeanSpeedRow;
import io.github.bddreplay.pipelines.transforms.WindowPane;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;

/**
 * When the results of a live replay reached the disk, from the files the pipelines left: for each
 * publication, when the last of its rows was in {@code simple/}; for each window, when its on-time
 * results were in {@code windowed/}; for each car window a location publication added rows to, when
 * {@code windowed/} first held a pane counting them; and the first and last output file of all
 * pipelines.
 */
public final class OutputTimeline {
  /** One publication's rows in the simple pipeline's output. */
  public record SliceOutput(
      PublishedFile publication, long rows, long rowsOnDisk, Instant lastOnDisk) {
    public boolean complete() {
      return rowsOnDisk == rows;
    }

    /** From its appearance in the input until its last row was on disk. */
    public Duration latency() {
      return Duration.between(publication.published(), lastOnDisk);
    }
  }

  /**
   * One window's on-time results in the windowed pipeline's output.
   *
   * @param watermarkPassed when the published data first let the watermark pass the window's end,
   *     or empty when only the end of stream did
   */
  public record WindowOutput(
      Instant windowEnd, Optional<Instant> watermarkPassed, Instant onTimeOnDisk) {}

  private final List<SliceOutput> slices;
  private final List<WindowOutput> windows;
  private final List<Duration> windowedUpdates;
  private final List<OutputFile> allFiles;
  private final long rowsFromNoPublication;

  private OutputTimeline(
      List<SliceOutput> slices,
      List<WindowOutput> windows,
      List<Duration> windowedUpdates,
      List<OutputFile> allFiles,
      long rowsFromNoPublication) {
    this.slices = slices;
    this.windows = windows;
    this.windowedUpdates = windowedUpdates;
    this.allFiles = allFiles;
    this.rowsFromNoPublication = rowsFromNoPublication;
  }

  /** Reads the outputs under {@code outputRoot} of a replay whose rows are {@code published}. */
  public static OutputTimeline read(
      PublishedRows published, Path outputRoot, Duration watermarkDelay) throws IOException {
    int count = published.publications().size();
    long[] onDisk = new long[count];
    Instant[] last = new Instant[count];
    long unknown = 0;
    Map<String, PipelineOutput> simple =
        Map.of(
            Topic.LOCATIONS.folderName(), PipelineOutput.SIMPLE_LOCATIONS,
            Topic.ACCELERATIONS.folderName(), PipelineOutput.SIMPLE_ACCELERATIONS);
    for (Map.Entry<String, PipelineOutput> topic : simple.entrySet()) {
      for (OutputFile file : OutputFile.under(folder(outputRoot, topic.getValue()))) {
        long[] unmatched = {0};
        ParquetScan.forEachRow(
            file.path(),
            row -> {
              int index = published.publicationOf(topic.getKey(), row);
              if (index < 0) {
                unmatched[0]++;
              } else {
                onDisk[index]++;
                if (last[index] == null || file.appeared().isAfter(last[index])) {
                  last[index] = file.appeared();
                }
              }
            });
        unknown += unmatched[0];
      }
    }
    List<SliceOutput> slices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slices.add(
          new SliceOutput(
              published.publications().get(i), published.rowsWithEventTime(i), onDisk[i], last[i]));
    }
    return new OutputTimeline(
        slices,
        onTimeWindows(outputRoot, WatermarkTimeline.of(published, watermarkDelay)),
        windowedUpdates(published, outputRoot),
        OutputFile.under(outputRoot),
        unknown);
  }

  private static List<WindowOutput> onTimeWindows(Path outputRoot, WatermarkTimeline watermark)
      throws IOException {
    String onTime = PaneInfo.Timing.ON_TIME.toString();
    TreeMap<Long, Instant> onDiskByEnd = new TreeMap<>();
    for (OutputFile file : OutputFile.under(folder(outputRoot, PipelineOutput.WINDOWED))) {
      ParquetScan.forEachRow(
          file.path(),
          row -> {
            if (onTime.equals(String.valueOf(row.get(WindowPane.PANE_TIMING)))) {
              long endMicros = (Long) row.get(WindowPane.WINDOW_END);
              onDiskByEnd.merge(endMicros, file.appeared(), (a, b) -> a.isAfter(b) ? a : b);
            }
          });
    }
    List<WindowOutput> windows = new ArrayList<>();
    onDiskByEnd.forEach(
        (endMicros, onDisk) -> {
          long endMillis = Math.floorDiv(endMicros, 1000L);
          windows.add(
              new WindowOutput(
                  Instant.ofEpochMilli(endMillis), watermark.reaches(endMillis), onDisk));
        });
    return windows;
  }

  private record CarWindow(String uuid, long startMicros) {}

  private record Pane(long rows, Instant onDisk) {}

  /**
   * For every (location publication, car window it added rows to): from the publication until the
   * first windowed pane of that car window counting all of its rows so far was on disk. Car windows
   * whose rows never made it into a pane (too late) give no figure.
   */
  private static List<Duration> windowedUpdates(PublishedRows published, Path outputRoot)
      throws IOException {
    Map<CarWindow, List<Pane>> panes = new HashMap<>();
    for (OutputFile file : OutputFile.under(folder(outputRoot, PipelineOutput.WINDOWED))) {
      ParquetScan.forEachRow(
          file.path(),
          row -> {
            long rows =
                ((Number) row.get(MeanSpeedRow.FIX_COUNT)).longValue()
                    + ((Number) row.get(MeanSpeedRow.INVALID_SPEED_COUNT)).longValue();
            CarWindow key =
                new CarWindow(
                    PublishedRows.uuidOf(row.get(MeanSpeedRow.UUID)),
                    (Long) row.get(WindowPane.WINDOW_START));
            panes.computeIfAbsent(key, k -> new ArrayList<>()).add(new Pane(rows, file.appeared()));
          });
    }
    long windowMicros = WindowingSpec.DEFAULT.windowSize().getMillis() * 1000L;
    Map<CarWindow, Long> rowsSoFar = new HashMap<>();
    List<Duration> latencies = new ArrayList<>();
    for (int i = 0; i < published.publications().size(); i++) {
      PublishedFile publication = published.publications().get(i);
      if (!publication.topic().equals(Topic.LOCATIONS.folderName())) {
        continue;
      }
      Map<CarWindow, Long> added = new HashMap<>();
      for (PublishedRows.RowKey row : published.keysOf(i)) {
        long start = Math.floorDiv(row.timestampMicros(), windowMicros) * windowMicros;
        added.merge(new CarWindow(row.uuid(), start), 1L, Long::sum);
      }
      added.forEach(
          (key, rows) -> {
            long needed = rowsSoFar.merge(key, rows, Long::sum);
            panes.getOrDefault(key, List.of()).stream()
                .filter(pane -> pane.rows() >= needed)
                .map(Pane::onDisk)
                .min(Instant::compareTo)
                .ifPresent(
                    onDisk -> latencies.add(Duration.between(publication.published(), onDisk)));
          });
    }
    return latencies;
  }

  private static Path folder(Path outputRoot, PipelineOutput output) {
    return Paths.get(output.directoryUnder(outputRoot.toString()));
  }

  public List<SliceOutput> slices() {
    return slices;
  }

  public List<WindowOutput> windows() {
    return windows;
  }

  /** Per location publication and car window it added rows to: until a pane counting them. */
  public List<Duration> windowedUpdates() {
    return windowedUpdates;
  }

  public Optional<Instant> firstOutput() {
    return allFiles.stream().map(OutputFile::appeared).min(Instant::compareTo);
  }

  public Optional<Instant> lastOutput() {
    return allFiles.stream().map(OutputFile::appeared).max(Instant::compareTo);
  }

  public int outputFiles() {
    return allFiles.size();
  }

  /** Rows in simple/ that no publication held: should be none. */
  public long rowsFromNoPublication() {
    return rowsFromNoPublication;
  }
}

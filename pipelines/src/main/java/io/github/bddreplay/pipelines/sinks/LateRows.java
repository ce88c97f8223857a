package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.TimestampedValue;

/**
 * The late-data output: rows that came after their window's lateness had run out, which no pipeline
 * can take any more. They are written, not only counted, in the layout of {@code simple}: {@code
 * <lateDir>/<topic>/window-<start>-<end>-<digest>.parquet}, one file per window they missed and per
 * batch of rows, named by their content, so rows read again (a recomputed micro-batch) replace
 * their file instead of adding a copy.
 */
public final class LateRows implements Serializable {
  private final String lateDir;
  private final WindowingSpec windowing;

  public LateRows(String lateDir, WindowingSpec windowing) {
    this.lateDir = lateDir;
    this.windowing = windowing;
  }

  /**
   * Writes {@code rows}, all of {@code topicFolder} and of {@code schema}, by the window each
   * missed.
   */
  public void write(String topicFolder, Schema schema, List<TimestampedValue<GenericRecord>> rows)
      throws IOException {
    Map<IntervalWindow, List<GenericRecord>> byWindow = new LinkedHashMap<>();
    for (TimestampedValue<GenericRecord> row : rows) {
      IntervalWindow window =
          new IntervalWindow(
              windowing.windowStart(row.getTimestamp()), windowing.windowEnd(row.getTimestamp()));
      byWindow.computeIfAbsent(window, unused -> new ArrayList<>()).add(row.getValue());
    }
    ResourceId directory =
        FileSystems.matchNewResource(lateDir, true)
            .resolve(topicFolder, StandardResolveOptions.RESOLVE_DIRECTORY);
    for (Map.Entry<IntervalWindow, List<GenericRecord>> window : byWindow.entrySet()) {
      WindowFile file = WindowFile.open(directory, window.getKey(), schema);
      for (GenericRecord row : window.getValue()) {
        file.write(row);
      }
      file.finish();
    }
  }
}

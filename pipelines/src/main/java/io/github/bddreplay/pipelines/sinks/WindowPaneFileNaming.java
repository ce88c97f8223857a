package io.github.bddreplay.pipelines.sinks;

import java.util.Locale;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;

/**
 * Names a windowed file after its window, pane and shard, e.g. {@code
 * window-20261124T153015Z-20261124T153030Z-pane-003-00000-of-00001.parquet}. FileIO's default
 * names hold ISO instants with ':', which Hadoop's {@code Path} cannot read back; the basic ISO
 * format has none, and still sorts by time.
 */
public class WindowPaneFileNaming implements FileIO.Write.FileNaming {
  private static final DateTimeFormatter BASIC_UTC =
      DateTimeFormat.forPattern("yyyyMMdd'T'HHmmss'Z'").withZoneUTC();

  private final String suffix;

  public WindowPaneFileNaming(String suffix) {
    this.suffix = suffix;
  }

  @Override
  public String getFilename(
      BoundedWindow window, PaneInfo pane, int numShards, int shardIndex, Compression compression) {
    if (!(window instanceof IntervalWindow)) {
      throw new IllegalArgumentException(
          "windowed files need interval windows to be named, got " + window);
    }
    return fileName((IntervalWindow) window, pane.getIndex(), shardIndex, numShards)
        + suffix
        + compression.getSuggestedSuffix();
  }

  /** The file name without suffix; unique per window (to the second), pane and shard. */
  static String fileName(IntervalWindow window, long paneIndex, int shardIndex, int numShards) {
    return String.format(
        Locale.ROOT,
        "window-%s-%s-pane-%03d-%05d-of-%05d",
        basicUtc(window.start()),
        basicUtc(window.end()),
        paneIndex,
        shardIndex,
        numShards);
  }

  private static String basicUtc(Instant instant) {
    return BASIC_UTC.print(instant);
  }
}

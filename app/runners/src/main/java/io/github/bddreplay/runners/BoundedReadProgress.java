package io.github.bddreplay.runners;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.source.InputFolder;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import io.github.bddreplay.replayer.progress.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.MetricName;

/**
 * The progress of a bounded read of a finished input folder while the pipelines run: input files
 * done (read, or found bad) of those the folder held when the run began, from the source's counters
 * ({@link SensorSourceMetrics#FILES_READ}, {@link SensorSourceMetrics#BAD_FILES}).
 *
 * <p>Only the reading is measured. Grouping and writing the output go on after the last file is
 * read (on the DirectRunner, 810 files were read 27 s into a 228 s run), so the note says what is
 * not measured, and no ETA is shown once all files are read. Where the runner's counters grow only
 * as whole tasks end (Spark: see {@code BoundedRun#countersGrowWhileRunning}) a fraction would
 * stand still and then jump to the end: the progress then has no total, only the files listed, the
 * files counted so far and the time.
 */
public final class BoundedReadProgress implements Consumer<Map<MetricName, Long>>, AutoCloseable {
  private static final MetricName FILES_READ =
      MetricName.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.FILES_READ);
  private static final MetricName BAD_FILES =
      MetricName.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.BAD_FILES);

  private final Progress progress;
  private final long listed;
  private final boolean countersGrowWhileRunning;

  private BoundedReadProgress(Progress progress, long listed, boolean countersGrowWhileRunning) {
    this.progress = progress;
    this.listed = listed;
    this.countersGrowWhileRunning = countersGrowWhileRunning;
  }

  /**
   * Lists {@code inputDir} and starts showing the progress: a bar on a terminal, else plain lines
   * on {@code plainOut}.
   *
   * @param topics the topics the pipelines read; files of a folder that is no topic count too,
   *     since the read reports them as bad files
   */
  public static BoundedReadProgress start(
      String inputDir, Set<Topic> topics, boolean countersGrowWhileRunning, PrintStream plainOut)
      throws IOException {
    long listed =
        new InputFolder(inputDir)
            .list().stream()
                .filter(file -> file.topic().map(topics::contains).orElse(true))
                .count();
    Progress progress =
        countersGrowWhileRunning
            ? Progress.start("backfill", listed, "files read", plainOut)
            : Progress.start(
                "backfill", Progress.UNKNOWN_TOTAL, "of " + listed + " files read", plainOut);
    BoundedReadProgress read = new BoundedReadProgress(progress, listed, countersGrowWhileRunning);
    read.accept(Map.of());
    return read;
  }

  /** Shows the files done according to {@code counters}, the counters the run reported so far. */
  @Override
  public void accept(Map<MetricName, Long> counters) {
    long done = counters.getOrDefault(FILES_READ, 0L) + counters.getOrDefault(BAD_FILES, 0L);
    progress.stepTo(done);
    progress.note(note(done, listed, countersGrowWhileRunning));
  }

  /** What the figures leave unsaid: what is not measured, or why there is no percentage. */
  static String note(long done, long listed, boolean countersGrowWhileRunning) {
    if (done >= listed) {
      return "all read; grouping and writing, not measured";
    }
    return countersGrowWhileRunning
        ? "then grouping and writing, not measured"
        : "counted only as the runner's tasks end";
  }

  @Override
  public void close() {
    progress.close();
  }
}

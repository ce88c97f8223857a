package io.github.bddreplay.pipelines.transforms;

import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;

/**
 * Counts the panes an aggregating pipeline emits, per pipeline and timing ({@code windowed.EARLY},
 * {@code windowed.LATE}, ...), so a run can report how its windows were updated; counter {@code
 * <pipeline>.windows} counts each (route, window) once, at its first pane; {@code
 * <pipeline>.emptyPanes} counts the panes dropped because they held no row at all.
 */
public final class PaneCounters {
  public static final String NAMESPACE = "bdd-panes";
  public static final String WINDOWED = "windowed";

  private PaneCounters() {}

  /** Records one pane of one key's window. */
  static void count(String pipeline, PaneInfo pane) {
    Metrics.counter(NAMESPACE, pipeline + "." + pane.getTiming().name()).inc();
    if (pane.isFirst()) {
      Metrics.counter(NAMESPACE, pipeline + ".windows").inc();
    }
  }

  /**
   * Records a pane without any row, which is not passed on. Beam 2.70's Spark runner
   * (RUNNER-WORKAROUNDS.md) keeps firing a window's end-of-window timer after the window's state is
   * gone (apache/beam#9567), and the default on-time behaviour fires even an empty pane: an on-time
   * pane with pane index 0 and no data, long after the real panes. A window of a real runner holds
   * at least the row that created it.
   */
  static void countEmpty(String pipeline) {
    Metrics.counter(NAMESPACE, pipeline + ".emptyPanes").inc();
  }
}

package io.github.bddreplay.pipelines.oracle;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the windowed pipeline finally says: per route and window, the row of its highest pane.
 *
 * @param panes all panes written, by timing, and the number of files
 */
public record WindowedOutput(SortedMap<WindowKey, WindowedRow> finalRows, PaneStatistics panes) {
  public WindowedOutput {
    finalRows = Collections.unmodifiableSortedMap(new TreeMap<>(finalRows));
  }
}

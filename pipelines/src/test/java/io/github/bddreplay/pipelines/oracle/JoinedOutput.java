package io.github.bddreplay.pipelines.oracle;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the stream-joined pipeline finally says: per route and window, the rows of its highest
 * pane, as fingerprints over {@link BatchOracle#JOINED_COLUMNS} with how often each occurs.
 *
 * @param finalPanes per route and window, the pane those rows come from
 * @param panes all panes written, by timing, and the number of files
 */
public record JoinedOutput(
    SortedMap<WindowKey, Map<RowFingerprint, Long>> finalRows,
    SortedMap<WindowKey, Pane> finalPanes,
    PaneStatistics panes) {
  public JoinedOutput {
    finalRows = Collections.unmodifiableSortedMap(new TreeMap<>(finalRows));
    finalPanes = Collections.unmodifiableSortedMap(new TreeMap<>(finalPanes));
  }

  public long finalRowCount() {
    return finalRows.values().stream().mapToLong(Multisets::size).sum();
  }
}

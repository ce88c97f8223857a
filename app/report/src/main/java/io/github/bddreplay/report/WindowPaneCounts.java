package io.github.bddreplay.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chart (c): how many panes each window got over all cars, by pane timing (EARLY, ON_TIME, LATE), a
 * pane written twice counted once.
 */
record WindowPaneCounts(long windowStartMillis, long windowEndMillis, Map<String, Long> panes) {

  static List<WindowPaneCounts> of(List<PaneRow> rows) {
    Map<Long, Long> ends = new TreeMap<>();
    Map<Long, Map<String, Long>> counts = new TreeMap<>();
    Set<List<Object>> seen = new HashSet<>();
    for (PaneRow row : rows) {
      if (!seen.add(List.of(row.uuid(), row.windowStartMillis(), row.paneIndex()))) {
        continue;
      }
      ends.put(row.windowStartMillis(), row.windowEndMillis());
      counts
          .computeIfAbsent(row.windowStartMillis(), w -> new TreeMap<>())
          .merge(row.timing(), 1L, Long::sum);
    }
    List<WindowPaneCounts> windows = new ArrayList<>();
    counts.forEach(
        (start, panes) -> windows.add(new WindowPaneCounts(start, ends.get(start), panes)));
    return windows;
  }
}

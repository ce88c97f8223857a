package io.github.bddreplay.pipelines.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects the rows of an aggregated output pane by pane and keeps, per route and window, the rows
 * of its highest pane: later panes carry the whole current result and supersede the earlier ones.
 * Rows of superseded panes are dropped as soon as a higher pane shows up, so memory stays at the
 * size of the final answer.
 */
final class PaneCollector<T> {
  /** What was seen of one pane: its timing, how many rows and where the first one came from. */
  private static final class Seen {
    final String timing;
    final Path firstFile;
    long rows;

    Seen(String timing, Path firstFile) {
      this.timing = timing;
      this.firstFile = firstFile;
    }
  }

  private final String output;
  private final Map<WindowKey, Map<Long, Seen>> panes = new HashMap<>();
  private final Map<WindowKey, Long> highestPane = new HashMap<>();
  private final Map<WindowKey, List<T>> highestPaneRows = new HashMap<>();

  PaneCollector(String output) {
    this.output = output;
  }

  /**
   * Adds a row of {@code pane} of {@code key}, read from {@code file}.
   *
   * @throws AssertionError when the rows of one pane disagree on its timing
   */
  void add(WindowKey key, Pane pane, T row, Path file) {
    Seen seen =
        panes
            .computeIfAbsent(key, unused -> new HashMap<>())
            .computeIfAbsent(pane.index(), unused -> new Seen(pane.timing(), file));
    if (!seen.timing.equals(pane.timing())) {
      throw new AssertionError(
          output + ": pane " + pane.index() + " of " + key + " is " + seen.timing + " in "
              + seen.firstFile + " but " + pane.timing() + " in " + file);
    }
    seen.rows++;

    long highest = highestPane.getOrDefault(key, -1L);
    if (pane.index() > highest) {
      highestPane.put(key, pane.index());
      highestPaneRows.put(key, new ArrayList<>());
    }
    if (pane.index() >= highest) {
      highestPaneRows.get(key).add(row);
    }
  }

  /**
   * @throws AssertionError naming the first pane with several rows, for outputs that have one row
   *     per pane
   */
  void requireOneRowPerPane() {
    panes.forEach(
        (key, ofKey) ->
            ofKey.forEach(
                (index, seen) -> {
                  if (seen.rows != 1) {
                    throw new AssertionError(
                        output + ": pane " + index + " of " + key + " has " + seen.rows
                            + " rows instead of one (first in " + seen.firstFile + ")");
                  }
                }));
  }

  /** Per route and window, the rows of its highest pane. */
  SortedMap<WindowKey, List<T>> finalRows() {
    return new TreeMap<>(highestPaneRows);
  }

  /** Per route and window, its highest pane. */
  SortedMap<WindowKey, Pane> finalPanes() {
    SortedMap<WindowKey, Pane> result = new TreeMap<>();
    highestPane.forEach(
        (key, index) -> result.put(key, new Pane(index, panes.get(key).get(index).timing)));
    return result;
  }

  PaneStatistics statistics(int files) {
    Map<String, Long> byTiming = new HashMap<>();
    for (Map<Long, Seen> ofKey : panes.values()) {
      ofKey.values().forEach(seen -> byTiming.merge(seen.timing, 1L, Long::sum));
    }
    return new PaneStatistics(
        byTiming.getOrDefault(Pane.EARLY, 0L),
        byTiming.getOrDefault(Pane.ON_TIME, 0L),
        byTiming.getOrDefault(Pane.LATE, 0L),
        files);
  }
}

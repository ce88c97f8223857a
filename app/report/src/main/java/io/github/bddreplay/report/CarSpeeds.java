package io.github.bddreplay.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chart (a) for one car: the final mean speed of each of its windows (its highest pane) and every
 * pane on the way there, so the page can show how early estimates were revised.
 */
record CarSpeeds(String uuid, List<WindowSpeed> finals, List<PaneSpeed> panes) {

  /** A window's answer; written as an array: [start, end, mean speed, timing of its final pane]. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"windowStartMillis", "windowEndMillis", "meanSpeed", "timing"})
  record WindowSpeed(
      long windowStartMillis, long windowEndMillis, Double meanSpeed, String timing) {}

  /** One pane; written as an array: [window start, mean speed, timing, pane index]. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"windowStartMillis", "meanSpeed", "timing", "paneIndex"})
  record PaneSpeed(long windowStartMillis, Double meanSpeed, String timing, long paneIndex) {}

  /** The first {@code carsDrawn} cars of {@code rows} by uuid. */
  static List<CarSpeeds> of(List<PaneRow> rows, int carsDrawn) {
    // uuid -> window start -> pane index -> row: the same pane written twice counts once.
    Map<String, TreeMap<Long, TreeMap<Long, PaneRow>>> panes = new TreeMap<>();
    for (PaneRow row : rows) {
      panes
          .computeIfAbsent(row.uuid(), u -> new TreeMap<>())
          .computeIfAbsent(row.windowStartMillis(), w -> new TreeMap<>())
          .putIfAbsent(row.paneIndex(), row);
    }
    List<CarSpeeds> cars = new ArrayList<>();
    for (var car : panes.entrySet()) {
      if (cars.size() == carsDrawn) {
        break;
      }
      List<WindowSpeed> finals = new ArrayList<>();
      List<PaneSpeed> all = new ArrayList<>();
      for (TreeMap<Long, PaneRow> window : car.getValue().values()) {
        PaneRow last = window.lastEntry().getValue();
        finals.add(
            new WindowSpeed(
                last.windowStartMillis(), last.windowEndMillis(), last.meanSpeed(), last.timing()));
        for (PaneRow pane : window.values()) {
          all.add(
              new PaneSpeed(
                  pane.windowStartMillis(), pane.meanSpeed(), pane.timing(), pane.paneIndex()));
        }
      }
      cars.add(new CarSpeeds(car.getKey(), finals, all));
    }
    return cars;
  }
}

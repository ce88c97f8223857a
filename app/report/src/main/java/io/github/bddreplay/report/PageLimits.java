package io.github.bddreplay.report;

/**
 * How much of a large run the page draws, so that a run of a thousand cars still gives a page a
 * browser opens quickly: the first {@code carsDrawn} cars (by uuid) in the per-car charts, each GPS
 * track thinned to at most {@code trackPointsPerCar} fixes, and at most about {@code paneMarks}
 * marks for the output files in the event-time chart. The page says when it left something out or
 * merged it; the counts in its summary are always of everything.
 */
record PageLimits(int carsDrawn, int trackPointsPerCar, int paneMarks) {
  static final PageLimits DEFAULT = new PageLimits(100, 200, 2000);

  PageLimits {
    if (carsDrawn < 1 || trackPointsPerCar < 2 || paneMarks < 1) {
      throw new IllegalArgumentException(
          "draw at least one car, two fixes per track and one pane mark: "
              + carsDrawn
              + ", "
              + trackPointsPerCar
              + ", "
              + paneMarks);
    }
  }
}

package io.github.bddreplay.report;

/**
 * One row of the windowed output: a route's mean speed in one window as of one pane, and when the
 * file holding it reached disk (its modification time).
 */
record PaneRow(
    String uuid,
    long windowStartMillis,
    long windowEndMillis,
    long paneIndex,
    String timing,
    Double meanSpeed,
    String file,
    long writtenMillis) {}

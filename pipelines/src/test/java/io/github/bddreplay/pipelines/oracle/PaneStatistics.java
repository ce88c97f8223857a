package io.github.bddreplay.pipelines.oracle;

/**
 * How many panes of each timing an aggregated output holds, a pane being one firing of one
 * route's window, and how many data files it was read from.
 */
public record PaneStatistics(long earlyPanes, long onTimePanes, long latePanes, int files) {}

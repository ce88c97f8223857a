package io.github.bddreplay.pipelines;

import io.github.bddreplay.pipelines.runner.StreamingRunResult;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import io.github.bddreplay.pipelines.transforms.PaneCounters;
import java.util.List;

/**
 * What a run of the pipelines did, told from its counters for the console. Counters are attempted
 * values: the Spark runner counts a step again when it recomputes it, so its pane counts can exceed
 * the panes written; the output files are the record of what was written.
 */
public record RunSummary(StreamingRunResult result, SensorPipelinesOptions options) {
  public static RunSummary of(StreamingRunResult result, SensorPipelinesOptions options) {
    return new RunSummary(result, options);
  }

  private long source(String counter) {
    return result.counter(SensorSourceMetrics.NAMESPACE, counter);
  }

  private long panes(String pipeline, String timing) {
    return result.counter(PaneCounters.NAMESPACE, pipeline + "." + timing);
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "pipelines %s finished (%s) in %.1f s%n",
            options.getPipelines(),
            result.state(),
            result.wallTime().getMillis() / 1000.0));
    text.append(
        String.format(
            "  read: %d rows from %d files; %d rows dropped as too late, %d rows without event time,"
                + " %d bad files dead-lettered to %s%n",
            source(SensorSourceMetrics.ROWS_READ),
            source(SensorSourceMetrics.FILES_READ),
            source(SensorSourceMetrics.TOO_LATE_ROWS),
            source(SensorSourceMetrics.ROWS_WITHOUT_EVENT_TIME),
            source(SensorSourceMetrics.BAD_FILES),
            options.getErrorsDir()));
    for (String pipeline : List.of(PaneCounters.WINDOWED, PaneCounters.STREAM_JOINED)) {
      if (SensorPipelines.selected(options.getPipelines()).contains(pipeline)) {
        text.append(
            String.format(
                "  %s: %d route windows, panes %d early / %d on time / %d late (attempted)%n",
                pipeline,
                panes(pipeline, "windows"),
                panes(pipeline, "EARLY"),
                panes(pipeline, "ON_TIME"),
                panes(pipeline, "LATE")));
      }
    }
    text.append("  output: ").append(options.getOutputDir());
    return text.toString();
  }
}

package io.github.bddreplay.runners;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.SensorPipeline;
import io.github.bddreplay.pipelines.SensorPipelines;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.sinks.OutputCensus;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;

/**
 * What a run of the pipelines did, for the console: what the source read and left out (its
 * counters), and what the sinks wrote ({@link OutputCensus}, counted from the output files: the
 * Spark runner's own counters count a step again whenever it recomputes it).
 */
public record RunSummary(
    StreamingRunResult result, SensorPipelinesOptions options, OutputCensus census) {

  public static RunSummary of(
      StreamingRunResult result, SensorPipelinesOptions options, OutputCensus census) {
    return new RunSummary(result, options, census);
  }

  private long source(String counter) {
    return result.counter(SensorSourceMetrics.NAMESPACE, counter);
  }

  public String describe() {
    List<SensorPipeline> selected = SensorPipelines.selected(options.getPipelines());
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "pipelines %s on %s finished (%s) in %.1f s%n",
            selected.stream().map(SensorPipeline::pipelineName).collect(Collectors.joining(",")),
            options.getRunner().getSimpleName(),
            result.state(),
            result.wallTime().getMillis() / 1000.0));
    StringBuilder read = new StringBuilder();
    for (Topic topic : Topic.values()) {
      read.append(
          String.format(
              Locale.ROOT,
              "%s%s %d rows from %d files",
              read.length() == 0 ? "" : "; ",
              topic.folderName(),
              source(SensorSourceMetrics.perTopic(SensorSourceMetrics.ROWS_READ, topic)),
              source(SensorSourceMetrics.perTopic(SensorSourceMetrics.FILES_READ, topic))));
    }
    line(text, "read", read.toString());
    line(
        text,
        "left out",
        String.format(
            Locale.ROOT,
            "%d rows too late for their window, %d rows without event time, %d bad files"
                + " (dead letters in %s)",
            source(SensorSourceMetrics.TOO_LATE_ROWS),
            source(SensorSourceMetrics.ROWS_WITHOUT_EVENT_TIME),
            source(SensorSourceMetrics.BAD_FILES),
            options.getErrorsDir()));
    line(
        text,
        "kept aside",
        String.format(
            Locale.ROOT,
            "%d rows too late for their window -> %s; %d rows without uuid, in simple only"
                + " (row-level dead letters beside the others)",
            source(SensorSourceMetrics.TOO_LATE_ROWS),
            options.getLateDir(),
            source(SensorSourceMetrics.ROWS_WITHOUT_UUID)));
    if (selected.contains(SensorPipeline.SIMPLE)) {
      OutputCensus.Count locations = census.get(PipelineOutput.SIMPLE_LOCATIONS);
      OutputCensus.Count accelerations = census.get(PipelineOutput.SIMPLE_ACCELERATIONS);
      line(
          text,
          SensorPipeline.SIMPLE.pipelineName(),
          String.format(
              Locale.ROOT,
              "locations %d rows in %d files, accelerations %d rows in %d files -> %s",
              locations.rows(),
              locations.files(),
              accelerations.rows(),
              accelerations.files(),
              PipelineOutput.SIMPLE_LOCATIONS.pipelineDirectoryUnder(options.getOutputDir())));
    }
    if (selected.contains(SensorPipeline.WINDOWED)) {
      OutputCensus.Count windowed = census.get(PipelineOutput.WINDOWED);
      line(
          text,
          SensorPipeline.WINDOWED.pipelineName(),
          windows(windowed)
              + String.format(
                  Locale.ROOT,
                  "; %d invalid speeds left out of the means -> %s",
                  windowed.invalidSpeeds(),
                  PipelineOutput.WINDOWED.directoryUnder(options.getOutputDir())));
    }
    if (selected.contains(SensorPipeline.STREAM_JOINED)) {
      OutputCensus.Count joined = census.get(PipelineOutput.STREAM_JOINED);
      line(
          text,
          SensorPipeline.STREAM_JOINED.pipelineName(),
          String.format(
              Locale.ROOT,
              "%d route windows, each row written once: %d matched pairs, %d without partner (%d"
                  + " rows in %d files) -> %s",
              joined.windows(),
              joined.rows() - joined.withoutPartner(),
              joined.withoutPartner(),
              joined.rows(),
              joined.files(),
              PipelineOutput.STREAM_JOINED.directoryUnder(options.getOutputDir())));
    }
    return text.toString().stripTrailing();
  }

  private static String windows(OutputCensus.Count count) {
    return String.format(
        Locale.ROOT,
        "%d route windows, panes written: %d early / %d on time / %d late (%d rows in %d files)",
        count.windows(),
        count.panes(Timing.EARLY),
        count.panes(Timing.ON_TIME),
        count.panes(Timing.LATE),
        count.rows(),
        count.files());
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format(Locale.ROOT, "  %-14s %s%n", label, value));
  }
}

package io.github.bddreplay.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5, scenario 1: end-to-end latency on the real data set, each runner at each speedup, the
 * three pipelines running while the replayer publishes.
 */
public final class LatencyScenario extends Scenario {
  /**
   * Per publication: from its appearance in input/ until the last of its rows is in output/simple.
   */
  public static final String SLICE_TO_SIMPLE = "slice_to_simple_s";

  /**
   * Per publication: from its appearance until the source finished reading it (a part of the
   * above).
   */
  public static final String SLICE_TO_READ = "slice_to_read_s";

  /**
   * Per location publication and car window it added rows to: from its appearance until the first
   * windowed pane counting its rows is on disk.
   */
  public static final String SLICE_TO_WINDOWED = "slice_to_windowed_s";

  /**
   * Per window: from when the watermark could first pass its end until its on-time results are on
   * disk.
   */
  public static final String WINDOW_ON_TIME = "window_on_time_s";

  /** From the end-of-stream marker until the last output file of any pipeline. */
  public static final String EOS_TO_LAST_OUTPUT = "eos_to_last_output_s";

  /** From the end-of-stream marker until the pipelines' JVM exited. */
  public static final String EOS_TO_EXIT = "eos_to_exit_s";

  public LatencyScenario() {
    super(
        "latency",
        "real data, live replay, per runner and speedup: slice -> output/simple, "
            + "watermark -> on-time pane, end of stream -> last output; CPU s, peak RSS");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) {
    List<BenchCase> cases = new ArrayList<>();
    for (Runner runner : context.options().runners()) {
      for (double speedup : context.options().speedups()) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("data", context.bddDir().toString());
        settings.put("runner", runner.beamName());
        settings.put("speedup", speedup);
        settings.put("pipelines", "simple,windowed,stream-joined");
        settings.put("head_start_s", Seconds.of(context.options().headStart()));
        cases.add(
            new BenchCase(
                runner.label() + ", speedup " + Launches.speedupArg(speedup),
                settings,
                workDir -> measure(context, workDir, runner, speedup),
                targets(speedup)));
      }
    }
    return cases;
  }

  private static List<Target> targets(double speedup) {
    List<Target> targets = new ArrayList<>();
    targets.add(
        Target.atMost(
            SLICE_TO_SIMPLE, Target.Stat.MEDIAN, 1.5, "slice -> output/simple median <= 1.5 s"));
    targets.add(
        Target.atMost(SLICE_TO_SIMPLE, Target.Stat.MAX, 5, "slice -> output/simple max <= 5 s"));
    targets.add(
        Target.atMost(
            WINDOW_ON_TIME, Target.Stat.MEDIAN, 2, "watermark -> on-time pane median <= 2 s"));
    if (speedup == 4) {
      // Issue 12's targets for this case.
      targets.add(
          Target.atMost(
              SLICE_TO_SIMPLE,
              Target.Stat.MEDIAN,
              0.6,
              "slice -> output/simple median <= 0.6 s (speedup 4)"));
      targets.add(
          Target.atMost(
              SLICE_TO_WINDOWED,
              Target.Stat.MEDIAN,
              0.65,
              "slice -> windowed update median <= 0.65 s (speedup 4)"));
      targets.add(
          Target.atMost(
              "pipelines_cpu_s",
              Target.Stat.MEDIAN,
              55,
              "pipelines <= 55 CPU-seconds (speedup 4, issue 12)"));
      targets.add(
          Target.atMost(
              "pipelines_cpu_s",
              Target.Stat.MEDIAN,
              60,
              "pipelines <= 60 CPU-seconds (speedup 4)"));
      targets.add(
          Target.atMost(
              "pipelines_peak_rss_gib",
              Target.Stat.MEDIAN,
              1.5,
              "pipelines peak RSS <= 1.5 GiB (speedup 4)"));
    }
    return targets;
  }

  private static RunResult measure(
      BenchContext context, Path workDir, Runner runner, double speedup) throws Exception {
    RunResult run = new RunResult();
    LiveReplay.run(context, workDir, context.bddDir(), speedup, runner, run)
        .ifPresent(outcome -> record(outcome, run));
    return run;
  }

  static List<Double> seconds(List<java.time.Duration> durations) {
    return durations.stream().map(Seconds::of).toList();
  }

  private static void record(LiveReplay.Outcome outcome, RunResult run) {
    List<Double> toSimple = new ArrayList<>();
    List<Double> toRead = new ArrayList<>();
    List<Map<String, Object>> slices = new ArrayList<>();
    for (OutputTimeline.SliceOutput slice : outcome.outputs().slices()) {
      PublishedFile publication = slice.publication();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("topic", publication.topic());
      entry.put("slice", publication.slice());
      entry.put("rows", slice.rows());
      entry.put("published_ms", publication.published().toEpochMilli());
      outcome
          .reads()
          .firstRead(publication.file())
          .ifPresent(
              read -> {
                double seconds = Seconds.between(publication.published(), read);
                toRead.add(seconds);
                entry.put("read_s", seconds);
              });
      if (slice.complete() && slice.lastOnDisk() != null) {
        double seconds = Seconds.of(slice.latency());
        toSimple.add(seconds);
        entry.put("on_disk_s", seconds);
      }
      slices.add(entry);
    }
    run.samples(SLICE_TO_SIMPLE, "s", toSimple);
    run.samples(SLICE_TO_READ, "s", toRead);
    run.samples(SLICE_TO_WINDOWED, "s", seconds(outcome.outputs().windowedUpdates()));

    List<Double> onTime = new ArrayList<>();
    int closedByEndOfStream = 0;
    for (OutputTimeline.WindowOutput window : outcome.outputs().windows()) {
      if (window.watermarkPassed().isPresent()) {
        onTime.add(Seconds.between(window.watermarkPassed().get(), window.onTimeOnDisk()));
      } else {
        closedByEndOfStream++;
      }
    }
    run.samples(WINDOW_ON_TIME, "s", onTime);
    outcome
        .outputs()
        .lastOutput()
        .ifPresent(
            last ->
                run.sample(EOS_TO_LAST_OUTPUT, "s", Seconds.between(outcome.endOfStream(), last)));
    run.sample(
        EOS_TO_EXIT, "s", Seconds.between(outcome.endOfStream(), outcome.pipelines().ended()));

    run.detail("windows_closed_by_end_of_stream", closedByEndOfStream);
    run.detail("output_files", outcome.outputs().outputFiles());
    run.detail("slices", slices);
  }
}

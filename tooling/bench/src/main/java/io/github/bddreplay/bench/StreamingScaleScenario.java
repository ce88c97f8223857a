package io.github.bddreplay.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5, scenario 4: streaming at scale. A synthetic set of many cars replayed at a high speedup
 * with the three pipelines on the Spark runner: does the output keep up with the replay? For each
 * publication, the lag from its due time (when the replay clock said it should appear) until its
 * rows are in output/simple; the lag curve goes into the result file.
 */
public final class StreamingScaleScenario extends Scenario {
  public static final String DUE_TO_SIMPLE = "due_to_simple_s";

  /**
   * Least-squares slope of the lag over the due time: 0 when the pipelines keep up, 1 when they
   * make no progress at all.
   */
  public static final String LAG_GROWTH = "lag_growth_s_per_s";

  /** The harness's reading of "the lag stays bounded": it grows by less than 3 s per minute. */
  private static final double KEEPS_UP_GROWTH = 0.05;

  public StreamingScaleScenario() {
    super(
        "scale",
        "synthetic set (--scale-cars) replayed at --scale-speedup, three pipelines on"
            + " --scale-runner: lag of each slice's output behind its due time (the lag curve)");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    int cars = context.options().scaleCars();
    double speedup = context.options().scaleSpeedup();
    Runner runner = context.options().scaleRunner();
    Path synthetic = context.dataSets().synthetic(cars);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("data", synthetic.getFileName().toString());
    settings.put("cars", cars);
    settings.put("runner", runner.beamName());
    settings.put("speedup", speedup);
    settings.put("pipelines", "simple,windowed,stream-joined");
    settings.put("head_start_s", Seconds.of(context.options().headStart()));
    return List.of(
        new BenchCase(
            cars + " cars, speedup " + Launches.speedupArg(speedup) + ", " + runner.label(),
            settings,
            workDir -> measure(context, workDir, synthetic, speedup, runner),
            targets(cars, speedup)));
  }

  private static List<Target> targets(int cars, double speedup) {
    List<Target> targets = new ArrayList<>();
    targets.add(
        Target.atMost(
            LAG_GROWTH,
            Target.Stat.MAX,
            KEEPS_UP_GROWTH,
            "keeps up: lag grows < 3 s per minute (harness criterion)"));
    if (cars == 1000 && speedup == 10) {
      // Issue 12's targets for this case.
      String simple = LatencyScenario.SLICE_TO_SIMPLE;
      targets.add(
          Target.atMost(simple, Target.Stat.MEDIAN, 2.5, "slice -> output/simple median <= 2.5 s"));
      targets.add(
          Target.atMost(simple, Target.Stat.MAX, 4.5, "slice -> output/simple max <= 4.5 s"));
      targets.add(
          Target.atMost(
              LatencyScenario.SLICE_TO_WINDOWED,
              Target.Stat.MEDIAN,
              4.4,
              "slice -> windowed update median <= 4.4 s"));
      targets.add(
          Target.atMost(
              "pipelines_cpu_s", Target.Stat.MEDIAN, 100, "pipelines <= 100 CPU-seconds"));
      targets.add(
          Target.atMost(
              "pipelines_peak_rss_gib", Target.Stat.MEDIAN, 1.5, "pipelines peak RSS <= 1.5 GiB"));
    }
    return targets;
  }

  private static RunResult measure(
      BenchContext context, Path workDir, Path source, double speedup, Runner runner)
      throws Exception {
    RunResult run = new RunResult();
    LiveReplay.run(context, workDir, source, speedup, runner, run)
        .ifPresent(outcome -> record(outcome, run));
    return run;
  }

  private static void record(LiveReplay.Outcome outcome, RunResult run) {
    List<OutputTimeline.SliceOutput> slices = outcome.outputs().slices();
    Instant firstDue = slices.get(0).publication().due();
    List<Double> dues = new ArrayList<>();
    List<Double> lags = new ArrayList<>();
    List<Double> sincePublished = new ArrayList<>();
    List<Map<String, Object>> curve = new ArrayList<>();
    for (OutputTimeline.SliceOutput slice : slices) {
      PublishedFile publication = slice.publication();
      double due = Seconds.between(firstDue, publication.due());
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("due_s", due);
      point.put("topic", publication.topic());
      point.put("slice", publication.slice());
      point.put("rows", slice.rows());
      point.put("rows_on_disk", slice.rowsOnDisk());
      point.put("publication_lag_s", publication.lagMillis() / 1000.0);
      outcome
          .reads()
          .firstRead(publication.file())
          .ifPresent(read -> point.put("read_lag_s", Seconds.between(publication.due(), read)));
      if (slice.complete() && slice.lastOnDisk() != null) {
        double lag = Seconds.between(publication.due(), slice.lastOnDisk());
        dues.add(due);
        lags.add(lag);
        sincePublished.add(Seconds.of(slice.latency()));
        point.put("lag_s", lag);
      }
      curve.add(point);
    }
    run.samples(DUE_TO_SIMPLE, "s", lags);
    run.samples(LatencyScenario.SLICE_TO_SIMPLE, "s", sincePublished);
    run.samples(
        LatencyScenario.SLICE_TO_WINDOWED,
        "s",
        LatencyScenario.seconds(outcome.outputs().windowedUpdates()));
    if (lags.size() >= 2) {
      run.sample(LAG_GROWTH, "s/s", LeastSquares.slope(dues, lags));
    }
    outcome
        .outputs()
        .lastOutput()
        .ifPresent(
            last ->
                run.sample(
                    LatencyScenario.EOS_TO_LAST_OUTPUT,
                    "s",
                    Seconds.between(outcome.endOfStream(), last)));
    run.detail("lag_curve", curve);
  }
}

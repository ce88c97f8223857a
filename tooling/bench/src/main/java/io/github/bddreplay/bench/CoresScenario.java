package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 18, scaling over cores: the same finished stream (a synthetic set of {@code --scale-cars}
 * replayed at top speed once) read by the three pipelines in streaming mode on the Spark runner,
 * first with one core ({@code local[1]}), then with two ({@code local[2]}). Each run ends at the
 * stream's end-of-stream marker; its rate is the published rows over the pipelines' own run time.
 */
public final class CoresScenario extends Scenario {
  public static final String ROWS_PER_S_ONE_CORE = "rows_per_s_1_core";
  public static final String ROWS_PER_S_TWO_CORES = "rows_per_s_2_cores";

  /** Rows per second with two cores over rows per second with one, in the same repetition. */
  public static final String TWO_OVER_ONE = "two_cores_over_one";

  private static final double TARGET_RATIO = 1.6;
  private static final String PIPELINES = "simple,windowed,stream-joined";
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  public CoresScenario() {
    super(
        "cores",
        "synthetic set (--scale-cars) published at top speed, then the three pipelines in"
            + " streaming mode on Spark local[1] and local[2]: rows/s and their ratio");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    int cars = context.options().scaleCars();
    Path synthetic = context.dataSets().synthetic(cars);
    Path results = context.dataSets().replayed(synthetic, synthetic.getFileName().toString());
    long rows =
        BackfillScenario.rowsOfTopicsRead(
            PublishedFile.readLog(results.resolve(StreamLayout.REPLAY_LOG)), PIPELINES);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("data", synthetic.getFileName().toString());
    settings.put("cars", cars);
    settings.put("runner", Runner.SPARK.beamName());
    settings.put("pipelines", PIPELINES);
    settings.put("masters", List.of("local[1]", "local[2]"));
    return List.of(
        new BenchCase(
            cars + " cars, local[1] then local[2]",
            settings,
            workDir -> measure(context, workDir, results.resolve(StreamLayout.INPUT), rows),
            List.of(
                Target.atLeast(
                    TWO_OVER_ONE,
                    Target.Stat.MEDIAN,
                    TARGET_RATIO,
                    "rows/s with 2 cores >= 1.6 x rows/s with 1 (issue 18)"))));
  }

  private static RunResult measure(BenchContext context, Path workDir, Path input, long rows)
      throws Exception {
    RunResult run = new RunResult();
    double oneCore = rowsPerSecond(context, workDir, input, rows, 1, run);
    double twoCores = rowsPerSecond(context, workDir, input, rows, 2, run);
    if (oneCore > 0 && twoCores > 0) {
      run.sample(ROWS_PER_S_ONE_CORE, "rows/s", oneCore);
      run.sample(ROWS_PER_S_TWO_CORES, "rows/s", twoCores);
      run.sample(TWO_OVER_ONE, "x", twoCores / oneCore);
    }
    run.detail("rows", rows);
    return run;
  }

  /** One run on {@code local[cores]}; 0 when it failed or read fewer rows than were published. */
  private static double rowsPerSecond(
      BenchContext context, Path workDir, Path input, long rows, int cores, RunResult run)
      throws Exception {
    String who = "pipelines_" + cores + (cores == 1 ? "_core" : "_cores");
    ChildJvm.Running pipelines =
        context
            .launches()
            .pipelines(
                workDir.resolve("local-" + cores),
                input,
                PIPELINES,
                Runner.SPARK,
                "--sparkMaster=local[" + cores + "]");
    ProcessUsage usage = pipelines.await(TIMEOUT);
    run.usage(who, usage);
    if (!usage.succeeded()) {
      return 0;
    }
    ConsoleSummary.Pipelines summary = ConsoleSummary.pipelines(pipelines.stdout());
    run.detail(who + "_run_s", summary.runSeconds());
    // A micro-batch Spark reads again counts its rows again: more is not a problem, fewer is.
    if (summary.rowsRead() < rows) {
      run.problem(
          "local["
              + cores
              + "] read "
              + summary.rowsRead()
              + " rows of the "
              + rows
              + " published");
      return 0;
    }
    return rows / summary.runSeconds();
  }
}

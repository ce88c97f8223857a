package io.github.bddreplay.bench;

import io.github.bddreplay.replay.ResultsFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5, scenario 3: backfill. A synthetic set is replayed at top speed into an input folder
 * once; then each pipeline alone reads it in bounded mode ({@code --mode=BATCH}) on the Spark
 * runner, {@code local[2]}.
 */
public final class BackfillScenario implements Scenario {
  /** Rows read per second of the pipeline's own run (its JVM's start-up excluded). */
  public static final String ROWS_PER_S = "rows_per_s";
  /** Rows read per second of the whole JVM, start-up included. */
  public static final String ROWS_PER_JVM_S = "rows_per_jvm_s";
  public static final String INPUT_FILES_PER_S = "input_files_per_s";
  public static final String OUTPUT_FILES = "output_files";
  private static final List<String> PIPELINES = List.of("simple", "windowed", "stream-joined");
  private static final Duration TIMEOUT = Duration.ofMinutes(60);
  /** The size issue 5 asks to finish; smaller sets only report. */
  private static final int LARGE_SET_CARS = 10_000;

  @Override
  public String name() {
    return "backfill";
  }

  @Override
  public String description() {
    return "--mode=BATCH over synthetic sets (--cars), each pipeline alone on Spark local[2]: "
        + "rows/s, CPU s, peak RSS, output files";
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    List<BenchCase> cases = new ArrayList<>();
    for (int cars : context.options().backfillCars()) {
      Path synthetic = context.dataSets().synthetic(cars);
      Path results = context.dataSets().replayed(synthetic, synthetic.getFileName().toString());
      Path input = results.resolve(ResultsFolder.INPUT);
      long rows =
          PublishedFile.readLog(results.resolve(ResultsFolder.REPLAY_LOG)).stream()
              .mapToLong(PublishedFile::rows)
              .sum();
      for (String pipeline : PIPELINES) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("data", synthetic.getFileName().toString());
        settings.put("cars", cars);
        settings.put("runner", Runner.SPARK.beamName());
        settings.put("mode", "BATCH");
        settings.put("pipelines", pipeline);
        List<Target> targets =
            cars >= LARGE_SET_CARS
                ? List.of(Target.everyRunSucceeds("10,000-car backfill finishes"))
                : List.of();
        cases.add(
            new BenchCase(
                cars + " cars, " + pipeline,
                settings,
                workDir -> measure(context, workDir, input, rows, pipeline),
                targets));
      }
    }
    return cases;
  }

  private static RunResult measure(
      BenchContext context, Path workDir, Path input, long rows, String pipeline) throws Exception {
    RunResult run = new RunResult();
    ChildJvm.Running pipelines =
        context.launches().pipelines(workDir, input, pipeline, Runner.SPARK, "--mode=BATCH");
    ProcessUsage usage = pipelines.await(TIMEOUT);
    run.usage("pipelines", usage);
    if (!usage.succeeded()) {
      return run;
    }
    ConsoleSummary.Pipelines summary = ConsoleSummary.pipelines(pipelines.stdout());
    if (summary.rowsRead() != rows) {
      run.problem("read " + summary.rowsRead() + " rows of the " + rows + " replayed");
    }
    run.sample(ROWS_PER_S, "rows/s", summary.rowsRead() / summary.runSeconds());
    run.sample(ROWS_PER_JVM_S, "rows/s", summary.rowsRead() / usage.wallSeconds());
    run.sample(INPUT_FILES_PER_S, "files/s", summary.filesRead() / summary.runSeconds());
    run.sample(OUTPUT_FILES, "files", OutputFile.under(Launches.output(workDir)).size());
    run.detail("rows_read", summary.rowsRead());
    run.detail("input_files_read", summary.filesRead());
    run.detail("pipeline_run_s", summary.runSeconds());
    return run;
  }
}

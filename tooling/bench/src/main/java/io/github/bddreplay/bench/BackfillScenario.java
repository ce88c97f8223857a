package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.SensorPipelines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Issue 5, scenario 3: backfill. A synthetic set is replayed at top speed into an input folder
 * once; then each pipeline alone reads it in bounded mode ({@code --mode=BATCH}) on the Spark
 * runner, {@code local[2]}.
 */
public final class BackfillScenario extends Scenario {
  /** Rows read per second of the pipeline's own run (its JVM's start-up excluded). */
  public static final String ROWS_PER_S = "rows_per_s";

  /** Rows read per second of the whole JVM, start-up included. */
  public static final String ROWS_PER_JVM_S = "rows_per_jvm_s";

  public static final String INPUT_FILES_PER_S = "input_files_per_s";
  public static final String OUTPUT_FILES = "output_files";
  private static final List<String> PIPELINES =
      List.of(StreamLayout.SIMPLE, StreamLayout.WINDOWED, StreamLayout.STREAM_JOINED);
  private static final Duration TIMEOUT = Duration.ofMinutes(60);

  /** The size issue 5 asks to finish; smaller sets only report. */
  private static final int LARGE_SET_CARS = 10_000;

  public BackfillScenario() {
    super(
        "backfill",
        "--mode=BATCH over synthetic sets (--cars), each pipeline alone on Spark local[2]: "
            + "rows/s, CPU s, peak RSS, output files");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    List<BenchCase> cases = new ArrayList<>();
    for (int cars : context.options().backfillCars()) {
      Path synthetic = context.dataSets().synthetic(cars);
      Path results = context.dataSets().replayed(synthetic, synthetic.getFileName().toString());
      Path input = results.resolve(StreamLayout.INPUT);
      List<PublishedFile> published =
          PublishedFile.readLog(results.resolve(StreamLayout.REPLAY_LOG));
      for (String pipeline : PIPELINES) {
        long rows = rowsOfTopicsRead(published, pipeline);
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

  /** The replayed rows a pipeline reads: {@code windowed} reads the locations only. */
  static long rowsOfTopicsRead(List<PublishedFile> published, String pipeline) {
    Set<String> topics =
        SensorPipelines.topicsConsumedBy(SensorPipelines.selected(pipeline)).stream()
            .map(Topic::folderName)
            .collect(Collectors.toSet());
    return published.stream()
        .filter(file -> topics.contains(file.topic()))
        .mapToLong(PublishedFile::rows)
        .sum();
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
    // The source's counter counts a row again when Spark reads a partition again (a cached
    // partition that did not fit in memory), so more is not a problem; fewer is.
    if (summary.rowsRead() < rows) {
      run.problem("read " + summary.rowsRead() + " rows of the " + rows + " replayed");
    }
    run.sample(ROWS_PER_S, "rows/s", rows / summary.runSeconds());
    run.sample(ROWS_PER_JVM_S, "rows/s", rows / usage.wallSeconds());
    run.sample(INPUT_FILES_PER_S, "files/s", summary.filesRead() / summary.runSeconds());
    run.sample(OUTPUT_FILES, "files", OutputFile.under(Launches.output(workDir)).size());
    run.detail("rows", rows);
    run.detail("rows_read_counter", summary.rowsRead());
    run.detail("input_files_read", summary.filesRead());
    run.detail("pipeline_run_s", summary.runSeconds());
    return run;
  }
}

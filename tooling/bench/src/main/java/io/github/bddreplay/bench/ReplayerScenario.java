package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5, scenario 5: the replayer alone on a large synthetic set (--replayer-cars): rows per
 * second at top speed, and at speedup 10 how late each publication appeared after its due time.
 */
public final class ReplayerScenario extends Scenario {
  /** Rows per second over the replay, as the replayer reports it (its JVM's start-up excluded). */
  public static final String ROWS_PER_S = "rows_per_s";

  /** Per publication: from its due time until it was moved into input/ (replay log, lag_ms). */
  public static final String PUBLICATION_LAG = "publication_lag_ms";

  private static final double PACED_SPEEDUP = 10;
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  public ReplayerScenario() {
    super(
        "replayer",
        "the replayer alone on a synthetic set (--replayer-cars): rows/s at top speed, "
            + "publication lag at speedup 10");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    int cars = context.options().replayerCars();
    Path synthetic = context.dataSets().synthetic(cars);
    List<BenchCase> cases = new ArrayList<>();
    for (double speedup : List.of(Double.POSITIVE_INFINITY, PACED_SPEEDUP)) {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("data", synthetic.getFileName().toString());
      settings.put("cars", cars);
      settings.put("speedup", Launches.speedupArg(speedup));
      List<Target> targets =
          Double.isInfinite(speedup)
              ? List.of(
                  Target.atLeast(
                      ROWS_PER_S,
                      Target.Stat.MEDIAN,
                      1_000_000,
                      "replayer >= 1,000,000 rows/s at top speed"))
              : List.of();
      cases.add(
          new BenchCase(
              cars + " cars, speedup " + Launches.speedupArg(speedup),
              settings,
              workDir -> measure(context, workDir, synthetic, speedup),
              targets));
    }
    return cases;
  }

  private static RunResult measure(BenchContext context, Path workDir, Path source, double speedup)
      throws Exception {
    RunResult run = new RunResult();
    Path results = workDir.resolve("replay");
    ChildJvm.Running replayer = context.launches().replay(workDir, source, results, speedup);
    ProcessUsage usage = replayer.await(TIMEOUT);
    run.usage("replayer", usage);
    if (!usage.succeeded()) {
      return run;
    }
    ConsoleSummary.Replay summary = ConsoleSummary.replay(replayer.stdout());
    run.sample(ROWS_PER_S, "rows/s", summary.rowsPerSecond());
    List<Double> lags = new ArrayList<>();
    for (PublishedFile publication :
        PublishedFile.readLog(results.resolve(StreamLayout.REPLAY_LOG))) {
      lags.add((double) publication.lagMillis());
    }
    if (!Double.isInfinite(speedup)) {
      run.samples(PUBLICATION_LAG, "ms", lags);
    }
    run.detail("rows", summary.rows());
    run.detail("replay_s", summary.seconds());
    run.detail("publications", lags.size());
    return run;
  }
}

package io.github.bddreplay.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every scenario gets: where things are, how to start JVMs, the data sets, and the options of
 * the command line.
 *
 * @param bddDir the real data set
 * @param prepared a folder for inputs a scenario prepares for all its runs (deleted afterwards)
 */
public record BenchContext(
    Path home,
    Path bddDir,
    Path prepared,
    Launches launches,
    DataSets dataSets,
    Options options,
    PrintStream console) {

  /**
   * The knobs of the command line.
   *
   * @param headStart how long the pipelines run before a live replay begins (start-up excluded from
   *     per-slice latencies)
   */
  public record Options(
      List<Runner> runners,
      List<Double> speedups,
      List<Integer> backfillCars,
      int scaleCars,
      double scaleSpeedup,
      Runner scaleRunner,
      int replayerCars,
      Duration headStart,
      Soak soak) {}

  /** The soak's long replay: {@code cars} replayed {@code loops} times at {@code speedup}. */
  public record Soak(int cars, int loops, double speedup) {}
}

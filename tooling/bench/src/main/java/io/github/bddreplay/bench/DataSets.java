package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The data sets the benchmarks need, made once and kept under {@code data/bench/} (git-ignored):
 * synthetic sets from the project's generator, and input folders replayed from a set at top speed.
 */
public final class DataSets {
  /** Seconds of recording in every synthetic set, as issue 5 asks. */
  public static final int SECONDS = 120;

  private static final Duration MAKING_TIMEOUT = Duration.ofMinutes(60);

  private final Path root;
  private final Launches launches;
  private final PrintStream console;

  public DataSets(Path root, Launches launches, PrintStream console) {
    this.root = root;
    this.launches = launches;
    this.console = console;
  }

  /** The synthetic set of {@code cars} cars × 120 s, seed 42; generated on first use. */
  public Path synthetic(int cars) throws IOException, InterruptedException {
    String name = "synth-" + cars + "cars-" + SECONDS + "s-seed42";
    Path target = root.resolve(name);
    if (Files.isDirectory(target)) {
      return target;
    }
    // Generated beside its place and renamed: a folder under its final name is complete.
    Path partial = root.resolve(".partial-" + name);
    deleteRecursively(partial);
    console.printf("generating %s (once; kept in %s)%n", name, root);
    ProcessUsage usage =
        launches
            .synth(root.resolve("logs").resolve(name), cars, SECONDS, partial)
            .await(MAKING_TIMEOUT);
    if (!usage.succeeded()) {
      throw new IOException(
          "generating "
              + name
              + " failed (exit "
              + usage.exitCode()
              + "); see "
              + Launches.logs(root.resolve("logs").resolve(name)));
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /**
   * A results folder holding {@code source} replayed at top speed into its {@code input/}, for
   * bounded runs; replayed on first use. Complete once the replayer's end-of-stream marker is
   * there.
   */
  public Path replayed(Path source, String name) throws IOException, InterruptedException {
    Path results = root.resolve("replayed-" + name);
    if (Files.exists(
        results.resolve(StreamLayout.INPUT).resolve(StreamLayout.END_OF_STREAM_MARKER))) {
      return results;
    }
    console.printf("replaying %s into %s at top speed (once)%n", source, results);
    Path logs = root.resolve("logs").resolve("replayed-" + name);
    ProcessUsage usage =
        launches.replay(logs, source, results, Double.POSITIVE_INFINITY).await(MAKING_TIMEOUT);
    if (!usage.succeeded()) {
      throw new IOException(
          "replaying "
              + source
              + " failed (exit "
              + usage.exitCode()
              + "); see "
              + Launches.logs(logs));
    }
    return results;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

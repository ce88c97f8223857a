package io.github.bddreplay.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One configuration of a scenario, such as "spark, speedup 4": what it is (for the result file),
 * how to run it once in a fresh folder, and the targets of issue 5 that apply to it.
 */
public record BenchCase(
    String label, Map<String, Object> settings, Repetition repetition, List<Target> targets) {
  /** One repetition: starts fresh JVMs in {@code workDir} and returns what they measured. */
  @FunctionalInterface
  public interface Repetition {
    RunResult run(Path workDir) throws Exception;
  }
}

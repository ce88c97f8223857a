package io.github.bddreplay.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one repetition of a benchmark case measured: figures (each a list of values in a unit: one
 * value, such as CPU seconds, or one per slice or window), details worth keeping in the result file
 * (such as a lag curve), and problems that make the run invalid (a process failed, rows never
 * reached the output).
 */
public final class RunResult {
  /** One figure's values in one run. */
  public record Values(String unit, List<Double> values) {}

  private final Map<String, Values> figures = new LinkedHashMap<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private double measuredCpuSeconds;

  public RunResult sample(String figure, String unit, double value) {
    return samples(figure, unit, List.of(value));
  }

  /** Adds values to a figure; no values, no figure. */
  public RunResult samples(String figure, String unit, Collection<Double> values) {
    if (values.isEmpty()) {
      return this;
    }
    Values existing = figures.get(figure);
    if (existing != null && !existing.unit().equals(unit)) {
      throw new IllegalArgumentException(figure + " is in " + existing.unit() + ", not " + unit);
    }
    figures
        .computeIfAbsent(figure, f -> new Values(unit, new ArrayList<>()))
        .values()
        .addAll(values);
    return this;
  }

  /** CPU seconds, peak memory and wall time of one JVM, as figures {@code <who>_cpu_s} etc. */
  public RunResult usage(String who, ProcessUsage usage) {
    measuredCpuSeconds += usage.cpuSeconds();
    sample(who + "_cpu_s", "s", usage.cpuSeconds());
    sample(who + "_peak_rss_gib", "GiB", usage.peakRssGib());
    sample(who + "_wall_s", "s", usage.wallSeconds());
    if (!usage.succeeded()) {
      problem(who + " exited with code " + usage.exitCode() + " (see its .err log)");
    }
    return this;
  }

  /**
   * CPU seconds, peak memory and exit code of a helper JVM (such as the replayer feeding the
   * pipelines) in the details, not as figures.
   */
  public RunResult helperUsage(String who, ProcessUsage usage) {
    measuredCpuSeconds += usage.cpuSeconds();
    detail(
        who,
        Map.of(
            "cpu_s", milli(usage.cpuSeconds()),
            "peak_rss_gib", milli(usage.peakRssGib()),
            "wall_s", milli(usage.wallSeconds()),
            "exit_code", usage.exitCode()));
    if (!usage.succeeded()) {
      problem(who + " exited with code " + usage.exitCode() + " (see its .err log)");
    }
    return this;
  }

  private static double milli(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** CPU seconds of every JVM this run measured: not foreign load on the machine. */
  public double measuredCpuSeconds() {
    return measuredCpuSeconds;
  }

  public RunResult detail(String key, Object value) {
    details.put(key, value);
    return this;
  }

  public RunResult problem(String text) {
    problems.add(text);
    return this;
  }

  public Map<String, Values> figures() {
    return figures;
  }

  public Map<String, Object> details() {
    return details;
  }

  public List<String> problems() {
    return problems;
  }
}

package io.github.bddreplay.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case over all its repetitions: each figure's values from every run pooled into one distribution
 * (per-slice latencies of three runs make one sample), and the runs that failed.
 */
public final class CaseSummary {
  private final BenchCase benchCase;
  private final List<RunResult> runs = new ArrayList<>();
  private final List<Map<String, Object>> loads = new ArrayList<>();

  public CaseSummary(BenchCase benchCase) {
    this.benchCase = benchCase;
  }

  public void add(RunResult run, Map<String, Object> load) {
    runs.add(run);
    loads.add(load);
  }

  public BenchCase benchCase() {
    return benchCase;
  }

  public int runs() {
    return runs.size();
  }

  public long failedRuns() {
    return runs.stream().filter(r -> !r.problems().isEmpty()).count();
  }

  /** Units by figure, in the order the runs reported them. */
  public Map<String, String> units() {
    Map<String, String> units = new LinkedHashMap<>();
    for (RunResult run : runs) {
      run.figures().forEach((figure, values) -> units.putIfAbsent(figure, values.unit()));
    }
    return units;
  }

  /** The pooled values of a figure over every run, empty when no run measured it. */
  public Optional<Distribution> distribution(String figure) {
    List<Double> pooled = new ArrayList<>();
    for (RunResult run : runs) {
      RunResult.Values values = run.figures().get(figure);
      if (values != null) {
        pooled.addAll(values.values());
      }
    }
    return pooled.isEmpty() ? Optional.empty() : Optional.of(Distribution.of(pooled));
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("case", benchCase.label());
    json.put("settings", benchCase.settings());
    Map<String, Object> figures = new LinkedHashMap<>();
    units()
        .forEach(
            (figure, unit) ->
                distribution(figure).ifPresent(d -> figures.put(figure, d.toJson(unit))));
    json.put("figures", figures);
    List<Map<String, Object>> targets = new ArrayList<>();
    for (Target target : benchCase.targets()) {
      Map<String, Object> verdict = new LinkedHashMap<>();
      verdict.put("target", target.text());
      verdict.put("met", target.met(this).orElse(null));
      targets.add(verdict);
    }
    json.put("targets", targets);
    List<Map<String, Object>> runJson = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunResult run = runs.get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("repetition", i + 1);
      entry.put("load", loads.get(i));
      entry.put("problems", run.problems());
      Map<String, Object> figuresOfRun = new LinkedHashMap<>();
      run.figures()
          .forEach(
              (figure, values) ->
                  figuresOfRun.put(figure, Distribution.of(values.values()).toJson(values.unit())));
      entry.put("figures", figuresOfRun);
      entry.put("details", run.details());
      runJson.add(entry);
    }
    json.put("runs", runJson);
    return json;
  }
}

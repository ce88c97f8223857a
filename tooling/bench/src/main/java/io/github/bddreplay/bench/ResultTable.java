package io.github.bddreplay.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The console table of a scenario: per case, each figure's median / p90 / max, then the targets.
 */
final class ResultTable {
  private ResultTable() {}

  static void print(String scenario, CaseSummary summary, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%n%s: %s (%d run%s, %d with problems)%n",
        scenario,
        summary.benchCase().label(),
        summary.runs(),
        summary.runs() == 1 ? "" : "s",
        summary.failedRuns());
    out.printf(
        Locale.ROOT,
        "  %-30s %-7s %6s %12s %12s %12s%n",
        "figure",
        "unit",
        "n",
        "median",
        "p90",
        "max");
    for (Map.Entry<String, String> figure : summary.units().entrySet()) {
      summary
          .distribution(figure.getKey())
          .ifPresent(
              d ->
                  out.printf(
                      Locale.ROOT,
                      "  %-30s %-7s %6d %12s %12s %12s%n",
                      figure.getKey(),
                      figure.getValue(),
                      d.count(),
                      number(d.median()),
                      number(d.p90()),
                      number(d.max())));
    }
    for (Target target : summary.benchCase().targets()) {
      String verdict =
          target.met(summary).map(met -> met ? "met" : "MISSED").orElse("not measured");
      out.printf(Locale.ROOT, "  target %-58s %s%n", target.text(), verdict);
    }
  }

  static String number(double value) {
    return Math.abs(value) >= 10_000
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}

package io.github.bddreplay.bench;

import java.util.Optional;
import java.util.function.Function;

/**
 * A target of issue 5 for one figure of a case, judged on the figure's distribution over all runs.
 */
public record Target(String text, Function<CaseSummary, Optional<Boolean>> judge) {
  /** Which value of a figure's distribution a target bounds. */
  public enum Stat {
    MEDIAN,
    P90,
    MAX;

    double of(Distribution distribution) {
      return switch (this) {
        case MEDIAN -> distribution.median();
        case P90 -> distribution.p90();
        case MAX -> distribution.max();
      };
    }
  }

  public static Target atMost(String figure, Stat stat, double limit, String text) {
    return new Target(text, summary -> summary.distribution(figure).map(d -> stat.of(d) <= limit));
  }

  public static Target atLeast(String figure, Stat stat, double limit, String text) {
    return new Target(text, summary -> summary.distribution(figure).map(d -> stat.of(d) >= limit));
  }

  /** Every run finished without a problem. */
  public static Target everyRunSucceeds(String text) {
    return new Target(
        text, summary -> Optional.of(summary.runs() > 0 && summary.failedRuns() == 0));
  }

  /** True when met, false when missed, empty when the figure was not measured. */
  public Optional<Boolean> met(CaseSummary summary) {
    return judge.apply(summary);
  }
}

package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs of a case pooled into one distribution per figure, judged against the targets. */
class CaseSummaryTest {
  private static final Target MEDIAN_AT_MOST_2 =
      Target.atMost("latency_s", Target.Stat.MEDIAN, 2, "median <= 2 s");
  private static final Target MAX_AT_MOST_5 =
      Target.atMost("latency_s", Target.Stat.MAX, 5, "max <= 5 s");
  private static final Target FINISHES = Target.everyRunSucceeds("finishes");

  private final CaseSummary summary =
      new CaseSummary(
          new BenchCase(
              "case",
              Map.of(),
              workDir -> new RunResult(),
              List.of(MEDIAN_AT_MOST_2, MAX_AT_MOST_5, FINISHES)));

  @Test
  void valuesOfAllRunsMakeOneSample() {
    summary.add(new RunResult().samples("latency_s", "s", List.of(1.0, 2.0, 6.0)), Map.of());
    summary.add(new RunResult().samples("latency_s", "s", List.of(1.5, 1.0)), Map.of());
    Distribution latency = summary.distribution("latency_s").orElseThrow();
    assertThat(latency.count(), is(5));
    assertThat(latency.median(), is(1.5));
    assertThat(latency.max(), is(6.0));
    assertThat(MEDIAN_AT_MOST_2.met(summary), is(Optional.of(true)));
    assertThat(MAX_AT_MOST_5.met(summary), is(Optional.of(false)));
    assertThat(FINISHES.met(summary), is(Optional.of(true)));
  }

  @Test
  void aRunWithAProblemFailsTheFinishTargetAndUnmeasuredFiguresAreNotJudged() {
    summary.add(new RunResult().problem("pipelines exited with code 52"), Map.of());
    assertThat(summary.failedRuns(), is(1L));
    assertThat(FINISHES.met(summary), is(Optional.of(false)));
    assertThat(MEDIAN_AT_MOST_2.met(summary), is(Optional.empty()));
  }
}

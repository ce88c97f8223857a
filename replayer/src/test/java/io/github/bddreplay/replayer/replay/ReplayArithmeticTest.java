package io.github.bddreplay.replayer.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.github.bddreplay.contract.EventTime;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.replayer.slices.SourceCatalog;
import io.github.bddreplay.replayer.storage.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules behind a replay: event times, disorder and the publication plan. */
class ReplayArithmeticTest {
  @Test
  void eventTimeIsStartPlusOffsetRoundedHalfUpToTheMicrosecond() {
    assertThat(EventTime.micros(1_000_000L, 1.5), is(2_500_000L));
    assertThat(EventTime.micros(0, 0.0000005), is(1L));
    assertThat(EventTime.micros(0, 0.0000004), is(0L));
    assertThat(EventTime.micros(10, 52.4824), is(10 + 52_482_400L));
  }

  @Test
  void disorderHoldsBackAboutTheRequestedFractionWithinTheMaximumDelay() {
    DisorderPlan plan = new DisorderPlan(42, 0.25, 3.0);
    int late = 0;
    for (int i = 0; i < 4000; i++) {
      double delay = plan.delaySeconds("locations", "t=010.0", "car" + i + ".parquet", 0);
      if (delay > 0) {
        late++;
        assertThat(delay, lessThanOrEqualTo(3.0));
      }
      assertThat(plan.delaySeconds("locations", "t=010.0", "car" + i + ".parquet", 0), is(delay));
    }
    assertThat(late / 4000.0, closeTo(0.25, 0.03));
    assertThat(DisorderPlan.NONE.delaySeconds("locations", "t=010.0", "car.parquet", 0), is(0.0));
  }

  @Test
  void planDuesSlicesAtTheirTimeOverSpeedupAndLoopsContinueTheStream() {
    SourceCatalog catalog = SourceCatalog.scan(Location.local(RealData.dir()), warning -> {});
    List<Publication> plan = ReplayPlan.of(catalog, 0, 2.0, 2, DisorderPlan.NONE);

    assertThat(plan.size(), is(2 * 2 * RealData.SLICES_PER_TOPIC));
    long period = ReplayPlan.loopPeriodTenths(catalog);
    assertThat(period, greaterThan(catalog.lastTime().tenths()));
    for (Publication p : plan) {
      assertThat(p.dueSeconds(), is(p.slice().seconds() / 2.0));
      assertThat(p.startMicros(), is(p.loop() * period * 100_000L));
    }
    for (int i = 1; i < plan.size(); i++) {
      assertThat(plan.get(i).dueSeconds() >= plan.get(i - 1).dueSeconds(), is(true));
    }
  }
}

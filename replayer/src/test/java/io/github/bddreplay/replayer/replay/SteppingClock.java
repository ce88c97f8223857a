package io.github.bddreplay.replayer.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that stands still until the replayer waits, then jumps to the instant it waits for: a
 * replay runs at full speed with exact publication times. It can call back before each jump, and
 * stop the replay as an interrupt would, on a given wait.
 */
final class SteppingClock implements ReplayClock {
  private Instant now;
  private final Runnable beforeEachWait;
  private int waitsBeforeStop = Integer.MAX_VALUE;
  final List<Instant> wakeUps = new ArrayList<>();

  SteppingClock(Instant begin) {
    this(begin, () -> {});
  }

  SteppingClock(Instant begin, Runnable beforeEachWait) {
    this.now = begin;
    this.beforeEachWait = beforeEachWait;
  }

  /** Makes wait number {@code waits} + 1 throw InterruptedException: the replay stops there. */
  SteppingClock stoppingAtWait(int waits) {
    this.waitsBeforeStop = waits;
    return this;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void sleepUntil(Instant instant) throws InterruptedException {
    if (wakeUps.size() == waitsBeforeStop) {
      throw new InterruptedException("stopped by the test");
    }
    beforeEachWait.run();
    wakeUps.add(instant);
    if (instant.isAfter(now)) {
      now = instant;
    }
  }
}

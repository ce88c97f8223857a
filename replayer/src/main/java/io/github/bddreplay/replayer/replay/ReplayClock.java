package io.github.bddreplay.replayer.replay;

import java.time.Instant;

/** Wall-clock time as the replayer sees it; tests drive their own. */
public interface ReplayClock {
  Instant now();

  /** Returns once {@link #now()} is at or past {@code instant}. */
  void sleepUntil(Instant instant) throws InterruptedException;

  ReplayClock SYSTEM =
      new ReplayClock() {
        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleepUntil(Instant instant) throws InterruptedException {
          for (long nanos = java.time.Duration.between(now(), instant).toNanos();
              nanos > 0;
              nanos = java.time.Duration.between(now(), instant).toNanos()) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
          }
        }
      };
}

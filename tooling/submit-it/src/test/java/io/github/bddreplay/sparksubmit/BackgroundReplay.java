package io.github.bddreplay.sparksubmit;

import io.github.bddreplay.replayer.replay.PreparedReplay;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import java.util.concurrent.CompletableFuture;

/** A prepared replay run on a thread of its own while the test drives the pipelines. */
final class BackgroundReplay {
  private BackgroundReplay() {}

  static CompletableFuture<ReplaySummary> start(PreparedReplay replay) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return replay.run();
          } catch (Exception e) {
            throw new IllegalStateException("the replay failed", e);
          }
        });
  }
}

package io.github.bddreplay.runners;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.joda.time.Duration;

/**
 * Non-daemon threads keep the JVM from exiting after main returns; a run that leaves one behind
 * makes a pipeline's command line hang at the end. Compares live non-daemon threads with a
 * snapshot.
 */
final class NonDaemonThreads {
  private NonDaemonThreads() {}

  static Set<Thread> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  /**
   * Names of the non-daemon threads alive now that were not in {@code before}, after giving them up
   * to {@code grace} to finish (executors wind down asynchronously after a stop).
   */
  static List<String> startedSince(Set<Thread> before, Duration grace) throws InterruptedException {
    long deadline = System.currentTimeMillis() + grace.getMillis();
    List<Thread> extra;
    do {
      extra = alive().stream().filter(t -> !before.contains(t)).collect(Collectors.toList());
      if (extra.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    } while (System.currentTimeMillis() < deadline);
    return extra.stream().map(Thread::getName).sorted().collect(Collectors.toList());
  }
}

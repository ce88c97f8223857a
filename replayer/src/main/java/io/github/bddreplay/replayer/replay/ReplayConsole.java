package io.github.bddreplay.replayer.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a replay tells its user: warnings (kept for the summary), one-line notes about how it
 * starts, and, unless quiet, a progress line per publication. Stager threads warn too.
 */
final class ReplayConsole {
  private final PrintStream out;
  private final boolean quiet;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  ReplayConsole(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  void warn(String message) {
    warnings.add(message);
    out.println("warning: " + message);
  }

  /** A line about the replay as a whole, shown even when quiet. */
  void note(String message) {
    out.println(message);
  }

  List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  void progress(
      Publication publication,
      PublicationWriter.Staged result,
      Duration due,
      Duration at,
      long lag) {
    if (quiet) {
      return;
    }
    out.printf(
        "%-14s %s  due %8.3f s  at %8.3f s  lag %5d ms  rows %7d  files %4d%s%n",
        publication.topic(),
        publication.slice().folderName(),
        due.toNanos() / 1e9,
        at.toNanos() / 1e9,
        lag,
        result.rows(),
        result.filesUsed(),
        publication.isLate()
            ? String.format("  (held back %.2f s)", publication.delaySeconds())
            : "");
  }
}

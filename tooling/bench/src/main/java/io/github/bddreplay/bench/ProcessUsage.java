package io.github.bddreplay.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one child JVM cost, from {@code /usr/bin/time -v}: CPU seconds (user + system) and peak
 * resident memory; the wall times are the harness's own, taken around the process.
 *
 * @param started just before the process was started (the "JVM start" of the start-up figures)
 * @param ended when the harness saw it exit
 * @param exitCode the JVM's exit code, or -1 when it was killed
 */
public record ProcessUsage(
    String label,
    Instant started,
    Instant ended,
    int exitCode,
    double userSeconds,
    double systemSeconds,
    long maxResidentKib) {
  private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
  private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
  private static final Pattern MAX_RSS =
      Pattern.compile("Maximum resident set size \\(kbytes\\): ([0-9]+)");

  public double cpuSeconds() {
    return userSeconds + systemSeconds;
  }

  public double peakRssGib() {
    return maxResidentKib / (1024.0 * 1024.0);
  }

  public double wallSeconds() {
    return Duration.between(started, ended).toNanos() / 1e9;
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * The usage reported by GNU time's verbose format ({@code time -v -o FILE}).
   *
   * @throws IllegalArgumentException when the report lacks the CPU or memory lines
   */
  public static ProcessUsage fromTimeReport(
      String label, Instant started, Instant ended, int exitCode, String report) {
    return new ProcessUsage(
        label,
        started,
        ended,
        exitCode,
        Double.parseDouble(find(USER, report, label)),
        Double.parseDouble(find(SYSTEM, report, label)),
        Long.parseLong(find(MAX_RSS, report, label)));
  }

  private static String find(Pattern pattern, String report, String label) {
    Matcher matcher = pattern.matcher(report);
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "the /usr/bin/time report of "
              + label
              + " has no '"
              + pattern.pattern()
              + "' line:\n"
              + report);
    }
    return matcher.group(1);
  }
}

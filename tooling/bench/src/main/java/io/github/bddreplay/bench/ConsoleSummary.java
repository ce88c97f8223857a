package io.github.bddreplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures read from the summaries the replayer and the pipelines print when they finish ({@code
 * ReplaySummary#describe}, {@code RunSummary#describe}).
 */
public final class ConsoleSummary {
  /** "replayed ... N rows (...) in S s, R rows/s; ...". */
  private static final Pattern REPLAY =
      Pattern.compile("replayed .*?, (\\d+) rows \\(.*\\) in ([0-9.]+) s, ([0-9]+) rows/s");

  /** "pipelines simple,windowed on SparkRunner finished (DONE) in S s" ("on ..." is optional). */
  private static final Pattern PIPELINES_RUN =
      Pattern.compile("pipelines \\S+ (?:on \\S+ )?finished \\((\\w+)\\) in ([0-9.]+) s");

  /** On the line that starts with "read": each "N rows from M files" (in all, or per topic). */
  private static final Pattern ROWS_FROM_FILES = Pattern.compile("(\\d+) rows from (\\d+) files");

  private ConsoleSummary() {}

  /** What the replayer said it did. */
  public record Replay(long rows, double seconds, double rowsPerSecond) {}

  /** What the pipelines said they did: how long the pipeline ran (the JVM's start-up excluded). */
  public record Pipelines(String state, double runSeconds, long rowsRead, long filesRead) {}

  public static Replay replay(Path stdout) throws IOException {
    Matcher matcher = find(REPLAY, stdout);
    return new Replay(
        Long.parseLong(matcher.group(1)),
        Double.parseDouble(matcher.group(2)),
        Double.parseDouble(matcher.group(3)));
  }

  public static Pipelines pipelines(Path stdout) throws IOException {
    Matcher run = find(PIPELINES_RUN, stdout);
    String readLine =
        Files.readAllLines(stdout).stream()
            .filter(line -> line.strip().startsWith("read"))
            .findFirst()
            .orElseThrow(() -> unexpected(stdout, "a line starting with 'read'"));
    long rows = 0;
    long files = 0;
    Matcher read = ROWS_FROM_FILES.matcher(readLine);
    while (read.find()) {
      rows += Long.parseLong(read.group(1));
      files += Long.parseLong(read.group(2));
    }
    return new Pipelines(run.group(1), Double.parseDouble(run.group(2)), rows, files);
  }

  private static Matcher find(Pattern pattern, Path stdout) throws IOException {
    Matcher matcher = pattern.matcher(Files.readString(stdout));
    if (!matcher.find()) {
      throw unexpected(stdout, "a line matching '" + pattern.pattern() + "'");
    }
    return matcher;
  }

  private static IOException unexpected(Path stdout, String what) {
    return new IOException(
        stdout
            + " has no "
            + what
            + ": the process failed, or its summary changed (update"
            + " ConsoleSummary)");
  }
}

package io.github.bddreplay.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A line of the replay log, read back in tests. */
record ReplayLogEntry(
    String topic, String slice, String file, int sourceFiles, long rows, double lateBySeconds, long dueMillis,
    long publishedMillis) {

  static List<ReplayLogEntry> readAll(Path log) throws IOException {
    return Files.readAllLines(log).stream().map(ReplayLogEntry::parse).toList();
  }

  static ReplayLogEntry parse(String line) {
    return new ReplayLogEntry(
        string(line, "topic"),
        string(line, "slice"),
        string(line, "file"),
        (int) number(line, "source_files"),
        (long) number(line, "rows"),
        number(line, "late_by_s"),
        (long) number(line, "due_ms"),
        (long) number(line, "published_ms"));
  }

  private static String string(String line, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(line);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + key + " in " + line);
    }
    return m.group(1);
  }

  private static double number(String line, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(line);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + key + " in " + line);
    }
    return Double.parseDouble(m.group(1));
  }
}

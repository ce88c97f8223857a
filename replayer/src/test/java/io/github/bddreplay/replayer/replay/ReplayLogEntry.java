package io.github.bddreplay.replayer.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A line of the replay log, read back in tests by a strict JSON parser. */
record ReplayLogEntry(
    String topic,
    String slice,
    String file,
    int sourceFiles,
    long rows,
    double lateBySeconds,
    long dueMillis,
    long publishedMillis) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<ReplayLogEntry> readAll(Path log) throws IOException {
    return Files.readAllLines(log).stream().map(ReplayLogEntry::parse).toList();
  }

  static ReplayLogEntry parse(String line) {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not a JSON line: " + line, e);
    }
    return new ReplayLogEntry(
        field(json, "topic").textValue(),
        field(json, "slice").textValue(),
        field(json, "file").textValue(),
        field(json, "source_files").intValue(),
        field(json, "rows").longValue(),
        field(json, "late_by_s").doubleValue(),
        field(json, "due_ms").longValue(),
        field(json, "published_ms").longValue());
  }

  private static JsonNode field(JsonNode json, String key) {
    JsonNode value = json.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no " + key + " in " + json);
    }
    return value;
  }
}

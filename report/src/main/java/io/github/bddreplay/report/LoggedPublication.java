package io.github.bddreplay.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.bddreplay.replay.ResultsFolder;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One line of the replay log: a file that appeared in {@code input/}, when it was due and when it
 * appeared (epoch milliseconds).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LoggedPublication(
    @JsonProperty(value = "topic", required = true) String topic,
    @JsonProperty(value = "slice", required = true) String slice,
    @JsonProperty(value = "loop", required = true) int loop,
    @JsonProperty(value = "file", required = true) String file,
    @JsonProperty(value = "rows", required = true) long rows,
    @JsonProperty(value = "late_by_s", required = true) double lateBySeconds,
    @JsonProperty(value = "due_ms", required = true) long dueMillis,
    @JsonProperty(value = "published_ms", required = true) long publishedMillis,
    @JsonProperty(value = "lag_ms", required = true) long lagMillis) {

  /**
   * The published file inside {@code results}: the log records the path the replay wrote to,
   * which no longer holds once the folder is copied or moved.
   */
  Path fileIn(Path results) {
    return results.resolve(ResultsFolder.INPUT)
        .resolve(topic)
        .resolve(slice)
        .resolve(Paths.get(file).getFileName().toString());
  }

  boolean isLate() {
    return lateBySeconds > 0;
  }
}

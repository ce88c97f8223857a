package io.github.bddreplay.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * One line of the replay log ({@link StreamLayout#REPLAY_LOG}), one JSON object per published file:
 * what appeared in {@code input/}, when it was due and when it appeared. The replayer writes these
 * lines; the report and the benchmarks read them.
 *
 * @param file the path the replay wrote to
 * @param sourceFiles how many files of the data set the published file holds
 * @param lateBySeconds how long after its slice's time the file was held back (disorder)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplayLogLine(
    @JsonProperty(value = "topic", required = true) String topic,
    @JsonProperty(value = "slice", required = true) String slice,
    @JsonProperty(value = "loop", required = true) int loop,
    @JsonProperty(value = "file", required = true) String file,
    @JsonProperty(value = "source_files", required = true) int sourceFiles,
    @JsonProperty(value = "rows", required = true) long rows,
    @JsonProperty(value = "late_by_s", required = true) double lateBySeconds,
    @JsonProperty(value = "due", required = true) String due,
    @JsonProperty(value = "published", required = true) String published,
    @JsonProperty(value = "due_ms", required = true) long dueMillis,
    @JsonProperty(value = "published_ms", required = true) long publishedMillis,
    @JsonProperty(value = "lag_ms", required = true) long lagMillis) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The line of a file published at {@code published}, due at {@code due}. */
  public static ReplayLogLine of(
      String topic,
      SliceTime slice,
      int loop,
      String file,
      int sourceFiles,
      long rows,
      double lateBySeconds,
      Instant due,
      Instant published) {
    return new ReplayLogLine(
        topic,
        slice.folderName(),
        loop,
        file,
        sourceFiles,
        rows,
        // Milliseconds are what the schedule can hold; more digits would only be float noise.
        Math.round(lateBySeconds * 1000) / 1000.0,
        due.toString(),
        published.toString(),
        due.toEpochMilli(),
        published.toEpochMilli(),
        published.toEpochMilli() - due.toEpochMilli());
  }

  /** The line as one JSON object, without a line break. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a replay log line cannot be written as JSON", e);
    }
  }

  /**
   * The line {@code json} holds.
   *
   * @throws IllegalArgumentException when it is not a replay log line, with the reason
   */
  public static ReplayLogLine parse(String json) {
    try {
      return JSON.readValue(json, ReplayLogLine.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a replay log line (" + e.getOriginalMessage() + "): " + json, e);
    }
  }

  public boolean isLate() {
    return lateBySeconds > 0;
  }
}

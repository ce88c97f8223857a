package io.github.bddreplay.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a replay did.
 *
 * @param lagsMillis for each publication, how long after its due time it appeared in input/
 */
public record ReplaySummary(
    Instant start,
    Duration wallTime,
    int slices,
    int publications,
    int filesPublished,
    Map<String, Long> rowsByTopic,
    List<Long> lagsMillis,
    List<String> warnings) {

  public long rows() {
    return rowsByTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  public long medianLagMillis() {
    return lagsMillis.isEmpty() ? 0 : lagsMillis.stream().sorted().toList().get(lagsMillis.size() / 2);
  }

  public long maxLagMillis() {
    return lagsMillis.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  public double rowsPerSecond() {
    double seconds = wallTime.toNanos() / 1e9;
    return seconds == 0 ? 0 : rows() / seconds;
  }

  /** One paragraph for the console. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "replayed %d slices as %d publications: %d source files, %d rows (",
            slices, publications, filesPublished, rows()));
    rowsByTopic.forEach((topic, rows) -> text.append(topic).append(' ').append(rows).append(", "));
    text.setLength(text.length() - 2);
    text.append(
        String.format(
            ") in %.2f s, %.0f rows/s; publication lag median %d ms, max %d ms; %d warning%s",
            wallTime.toNanos() / 1e9,
            rowsPerSecond(),
            medianLagMillis(),
            maxLagMillis(),
            warnings.size(),
            warnings.size() == 1 ? "" : "s"));
    return text.toString();
  }
}

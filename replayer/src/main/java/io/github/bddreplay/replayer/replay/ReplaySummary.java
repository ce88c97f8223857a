package io.github.bddreplay.replayer.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a replay did. Counts of files, rows and lags are of the publications made by this run; a
 * resumed replay also says how many it found already published and skipped.
 *
 * @param wallTime how long this run took
 * @param publications how many publications the whole replay has
 * @param alreadyPublished how many of them a resumed replay found in input/ and skipped
 * @param resumed whether this run continued a replay recorded in the results folder
 * @param alreadyComplete whether that replay had already finished, so that nothing was published
 * @param lagsMillis for each publication made by this run, how long after its due time it appeared
 *     in input/
 */
public record ReplaySummary(
    Instant start,
    Duration wallTime,
    int slices,
    int publications,
    int alreadyPublished,
    boolean resumed,
    boolean alreadyComplete,
    int filesPublished,
    Map<String, Long> rowsByTopic,
    List<Long> lagsMillis,
    List<String> warnings) {

  /** How many publications this run made. */
  public int publishedNow() {
    return lagsMillis.size();
  }

  public long rows() {
    return rowsByTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  public long medianLagMillis() {
    return lagsMillis.isEmpty()
        ? 0
        : lagsMillis.stream().sorted().toList().get(lagsMillis.size() / 2);
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
    if (alreadyComplete) {
      return String.format(
          "the replay was already complete: nothing published (%d of its %d publications of %d"
              + " slices were in input/); %s",
          alreadyPublished, publications, slices, warningCount());
    }
    StringBuilder text = new StringBuilder();
    if (resumed) {
      text.append(
          String.format(
              "resumed a replay of %d slices as %d publications: %d already published and skipped,"
                  + " %d published now: ",
              slices, publications, alreadyPublished, publishedNow()));
    } else {
      text.append(String.format("replayed %d slices as %d publications: ", slices, publications));
    }
    text.append(String.format("%d source files, %d rows (", filesPublished, rows()));
    rowsByTopic.forEach((topic, rows) -> text.append(topic).append(' ').append(rows).append(", "));
    text.setLength(text.length() - 2);
    text.append(
        String.format(
            ") in %.2f s, %.0f rows/s; publication lag median %d ms, max %d ms; %s",
            wallTime.toNanos() / 1e9,
            rowsPerSecond(),
            medianLagMillis(),
            maxLagMillis(),
            warningCount()));
    return text.toString();
  }

  private String warningCount() {
    return warnings.size() + (warnings.size() == 1 ? " warning" : " warnings");
  }
}

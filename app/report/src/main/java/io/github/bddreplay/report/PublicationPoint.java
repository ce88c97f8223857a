package io.github.bddreplay.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.bddreplay.contract.ReplayLogLine;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.pipelines.source.DataWatermark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Charts (b) and (e) for one publication: when it appeared and was due, the event times it carried,
 * and the watermark the rows published so far allow, by the pipelines' source's rule ({@link
 * DataWatermark}); it is the earliest the source could get there, since the source reads a file a
 * poll after it appears.
 *
 * <p>Written as an array in the order of the components, since a run has thousands.
 *
 * @param firstEventMillis earliest event time in the file, null when the file is gone or empty
 * @param watermarkMillis null until some publication carried an event time
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({
  "topic",
  "slice",
  "loop",
  "rows",
  "lateBySeconds",
  "dueMillis",
  "publishedMillis",
  "lagMillis",
  "firstEventMillis",
  "lastEventMillis",
  "watermarkMillis"
})
record PublicationPoint(
    String topic,
    String slice,
    int loop,
    long rows,
    double lateBySeconds,
    long dueMillis,
    long publishedMillis,
    long lagMillis,
    Long firstEventMillis,
    Long lastEventMillis,
    Long watermarkMillis) {

  private record EventRange(long first, long last) {}

  static List<PublicationPoint> of(
      ParquetSql sql, Path results, List<ReplayLogLine> log, long watermarkDelayMillis) {
    List<ReplayLogLine> inOrder = new ArrayList<>(log);
    inOrder.sort(Comparator.comparingLong(ReplayLogLine::publishedMillis));
    Map<String, EventRange> ranges = eventRanges(sql, results, inOrder);
    List<EventRange> rangeOf =
        inOrder.stream().map(p -> ranges.get(fileIn(p, results).toString())).toList();
    long[] latestEventMillis =
        rangeOf.stream().mapToLong(r -> r == null ? DataWatermark.NONE : r.last()).toArray();
    long[] watermark = DataWatermark.afterEach(latestEventMillis, watermarkDelayMillis);
    List<PublicationPoint> points = new ArrayList<>();
    for (int i = 0; i < latestEventMillis.length; i++) {
      ReplayLogLine publication = inOrder.get(i);
      EventRange range = rangeOf.get(i);
      points.add(
          new PublicationPoint(
              publication.topic(),
              publication.slice(),
              publication.loop(),
              publication.rows(),
              publication.lateBySeconds(),
              publication.dueMillis(),
              publication.publishedMillis(),
              publication.lagMillis(),
              range == null ? null : range.first(),
              range == null ? null : range.last(),
              watermark[i] == DataWatermark.NONE ? null : watermark[i]));
    }
    return points;
  }

  /** Event times (floored to milliseconds, as the source reads them) of each published file. */
  private static Map<String, EventRange> eventRanges(
      ParquetSql sql, Path results, List<ReplayLogLine> log) {
    List<Path> files =
        log.stream().map(p -> fileIn(p, results)).filter(Files::isRegularFile).distinct().toList();
    Map<String, EventRange> ranges = new HashMap<>();
    sql.query(
            "SELECT source_file, min(epoch_ms(\"timestamp\")), max(epoch_ms(\"timestamp\"))"
                + " FROM read_parquet(FILES, "
                + ParquetSql.WITH_SOURCE_FILE
                + ", union_by_name = true)"
                + " WHERE \"timestamp\" IS NOT NULL GROUP BY source_file",
            files,
            results.resolve(StreamLayout.INPUT).toString(),
            row -> Map.entry(row.getString(1), new EventRange(row.getLong(2), row.getLong(3))))
        .forEach(entry -> ranges.put(entry.getKey(), entry.getValue()));
    return ranges;
  }

  /**
   * The published file inside {@code results}: the log records the path the replay wrote to, which
   * no longer holds once the folder is copied or moved.
   */
  private static Path fileIn(ReplayLogLine publication, Path results) {
    return results
        .resolve(StreamLayout.INPUT)
        .resolve(publication.topic())
        .resolve(publication.slice())
        .resolve(Paths.get(publication.file()).getFileName().toString());
  }
}

package io.github.bddreplay.bench;

import io.github.bddreplay.pipelines.source.DataWatermark;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the source's watermark could first pass each event time, derived from the replay by the
 * source's rule ({@link DataWatermark}: latest event time read − watermark delay), so it can pass a
 * window's end once a publication holding an event time at least end + delay has appeared in the
 * input. This is the earliest possible moment; the source reads the file a poll later.
 */
public final class WatermarkTimeline {
  private final List<Instant> published;

  /** The watermark the rows published so far allow, after each publication: never decreasing. */
  private final long[] watermarkMillis;

  private WatermarkTimeline(List<Instant> published, long[] watermarkMillis) {
    this.published = published;
    this.watermarkMillis = watermarkMillis;
  }

  /**
   * @param published when each publication appeared, in publication order
   * @param maxEventMillis the latest event time in each publication (Long.MIN_VALUE for none)
   */
  public static WatermarkTimeline of(
      List<Instant> published, long[] maxEventMillis, Duration watermarkDelay) {
    if (published.size() != maxEventMillis.length) {
      throw new IllegalArgumentException("one latest event time per publication");
    }
    return new WatermarkTimeline(
        List.copyOf(published), DataWatermark.afterEach(maxEventMillis, watermarkDelay.toMillis()));
  }

  public static WatermarkTimeline of(PublishedRows rows, Duration watermarkDelay) {
    List<PublishedFile> publications = rows.publications();
    long[] maxEventMillis = new long[publications.size()];
    for (int i = 0; i < maxEventMillis.length; i++) {
      long micros = rows.maxEventMicros(i);
      // As the source does: event times are floored to milliseconds.
      maxEventMillis[i] = micros == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(micros, 1000L);
    }
    return of(
        publications.stream().map(PublishedFile::published).toList(),
        maxEventMillis,
        watermarkDelay);
  }

  /**
   * When the published data first let the watermark reach {@code eventMillis} (a window of that end
   * fires on time then), or empty when it never did: such windows close at end of stream.
   */
  public Optional<Instant> reaches(long eventMillis) {
    for (int i = 0; i < watermarkMillis.length; i++) {
      if (watermarkMillis[i] != DataWatermark.NONE && watermarkMillis[i] >= eventMillis) {
        return Optional.of(published.get(i));
      }
    }
    return Optional.empty();
  }
}

package io.github.bddreplay.runners;

import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A test-only unbounded source that behaves like our replayed streams: it hands out a fixed list of
 * timestamped keys, in order, one every {@code pace} of wall-clock time (so they spread over
 * several micro-batches), with the watermark at the last element handed out. Then, if it ends, it
 * moves the watermark to +infinity and increments the end-of-stream counter once; if not, it sits
 * at the last element's watermark forever.
 *
 * <p>It can also end in two steps, as a source should on Beam's Spark runner: first hold the
 * watermark at the end of the last window for a while, so every window fires while the runner's low
 * watermark is still behind it, then +infinity. Jumping straight to +infinity lets the runner drop
 * the final panes as late when micro-batches back up (see {@code SparkStreamingSession}).
 */
final class ScriptedUnboundedSource
    extends UnboundedSource<String, ScriptedUnboundedSource.Position> {
  static final String METRICS_NAMESPACE = "runner-test";
  static final String END_OF_STREAM = "endOfStream";
  static final String EVENTS_READ = "eventsRead";

  // TimestampedValue is not Serializable, and a source must be.
  private final String[] keys;
  private final long[] timestampMillis;
  private final long paceMillis;
  private final boolean ends;
  private final long holdAtMillis;
  private final long holdMillis;

  private ScriptedUnboundedSource(
      List<TimestampedValue<String>> events,
      long paceMillis,
      boolean ends,
      Instant holdAt,
      long holdMillis) {
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).getTimestamp().isBefore(events.get(i - 1).getTimestamp())) {
        throw new IllegalArgumentException("events must be in timestamp order: " + events);
      }
    }
    this.keys = events.stream().map(TimestampedValue::getValue).toArray(String[]::new);
    this.timestampMillis = events.stream().mapToLong(e -> e.getTimestamp().getMillis()).toArray();
    this.paceMillis = paceMillis;
    this.ends = ends;
    this.holdAtMillis = holdAt.getMillis();
    this.holdMillis = holdMillis;
  }

  /** Ends by moving the watermark from the last element straight to +infinity. */
  static ScriptedUnboundedSource endingAfter(
      List<TimestampedValue<String>> events, long paceMillis) {
    return new ScriptedUnboundedSource(events, paceMillis, true, lastTimestamp(events), 0);
  }

  /** Ends by holding the watermark at {@code holdAt} for {@code holdMillis}, then +infinity. */
  static ScriptedUnboundedSource endingAfterHolding(
      List<TimestampedValue<String>> events, long paceMillis, Instant holdAt, long holdMillis) {
    return new ScriptedUnboundedSource(events, paceMillis, true, holdAt, holdMillis);
  }

  static ScriptedUnboundedSource neverEnding(
      List<TimestampedValue<String>> events, long paceMillis) {
    return new ScriptedUnboundedSource(events, paceMillis, false, lastTimestamp(events), 0);
  }

  private static Instant lastTimestamp(List<TimestampedValue<String>> events) {
    return events.get(events.size() - 1).getTimestamp();
  }

  @Override
  public List<ScriptedUnboundedSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<String> createReader(
      PipelineOptions options, @Nullable Position checkpoint) {
    return new Reader(checkpoint == null ? Position.START : checkpoint);
  }

  @Override
  public Coder<Position> getCheckpointMarkCoder() {
    return SerializableCoder.of(Position.class);
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  /**
   * How far the stream got. Carries the wall-clock start (and the hold's) so a reader re-created
   * from a checkpoint (Spark does that when its reader cache expires) keeps the pace, and whether
   * the end of stream was already counted so the counter is incremented once in all.
   */
  static final class Position implements UnboundedSource.CheckpointMark, Serializable {
    static final Position START = new Position(0, -1, -1, false);

    final int handedOut;
    final long startMillis;
    final long holdStartMillis;
    final boolean endCounted;

    Position(int handedOut, long startMillis, long holdStartMillis, boolean endCounted) {
      this.handedOut = handedOut;
      this.startMillis = startMillis;
      this.holdStartMillis = holdStartMillis;
      this.endCounted = endCounted;
    }

    @Override
    public void finalizeCheckpoint() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Position
          && ((Position) other).handedOut == handedOut
          && ((Position) other).startMillis == startMillis
          && ((Position) other).holdStartMillis == holdStartMillis
          && ((Position) other).endCounted == endCounted;
    }

    @Override
    public int hashCode() {
      return Objects.hash(handedOut, startMillis, holdStartMillis, endCounted);
    }
  }

  private final class Reader extends UnboundedReader<String> {
    private final Counter endOfStream = Metrics.counter(METRICS_NAMESPACE, END_OF_STREAM);
    private final Counter eventsRead = Metrics.counter(METRICS_NAMESPACE, EVENTS_READ);
    private int handedOut;
    private long startMillis;
    private long holdStartMillis;
    private boolean endCounted;

    Reader(Position position) {
      this.handedOut = position.handedOut;
      this.startMillis = position.startMillis;
      this.holdStartMillis = position.holdStartMillis;
      this.endCounted = position.endCounted;
    }

    @Override
    public boolean start() {
      if (startMillis < 0) {
        startMillis = System.currentTimeMillis();
      }
      return advance();
    }

    @Override
    public boolean advance() {
      if (handedOut < keys.length) {
        if (System.currentTimeMillis() < startMillis + handedOut * paceMillis) {
          return false;
        }
        handedOut++;
        eventsRead.inc();
        return true;
      }
      if (ends && !endCounted) {
        long now = System.currentTimeMillis();
        if (holdStartMillis < 0) {
          holdStartMillis = now;
        }
        if (now >= holdStartMillis + holdMillis) {
          endCounted = true;
          endOfStream.inc();
        }
      }
      return false;
    }

    @Override
    public String getCurrent() {
      return keys[currentIndex()];
    }

    @Override
    public Instant getCurrentTimestamp() {
      return new Instant(timestampMillis[currentIndex()]);
    }

    private int currentIndex() {
      if (handedOut == 0) {
        throw new NoSuchElementException("no element handed out yet");
      }
      return handedOut - 1;
    }

    @Override
    public Instant getWatermark() {
      if (endCounted) {
        return BoundedWindow.TIMESTAMP_MAX_VALUE;
      }
      if (holdStartMillis >= 0) {
        return new Instant(holdAtMillis);
      }
      return handedOut == 0 ? BoundedWindow.TIMESTAMP_MIN_VALUE : getCurrentTimestamp();
    }

    @Override
    public Position getCheckpointMark() {
      return new Position(handedOut, startMillis, holdStartMillis, endCounted);
    }

    @Override
    public ScriptedUnboundedSource getCurrentSource() {
      return ScriptedUnboundedSource.this;
    }

    @Override
    public void close() {}
  }
}

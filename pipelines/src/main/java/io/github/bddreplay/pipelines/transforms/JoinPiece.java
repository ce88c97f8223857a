package io.github.bddreplay.pipelines.transforms;

import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Part of one route window's join, as {@link FullOuterJoinPerRoute} emits it: every location with
 * every acceleration, or, when one side is empty, each row of the other side padded with nulls.
 *
 * <p>The join's rows travel as pieces up to the sink, where they are expanded: a piece holds n + m
 * rows for n × m joined ones, and Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) encodes and
 * decodes every element a stateful ParDo emits once more on its way out.
 *
 * @param uuid the route
 * @param windowStartMillis the start of the window, in epoch milliseconds
 */
record JoinPiece(
    String uuid,
    long windowStartMillis,
    List<GenericRecord> locations,
    List<GenericRecord> accelerations) {

  /** The joined rows of this piece, in its window of length {@code windowSize}. */
  void forEachRow(Duration windowSize, Consumer<GenericRecord> out) {
    Instant start = new Instant(windowStartMillis);
    IntervalWindow window = new IntervalWindow(start, start.plus(windowSize));
    if (accelerations.isEmpty()) {
      locations.forEach(location -> out.accept(JoinedRow.of(uuid, location, null, window)));
    } else if (locations.isEmpty()) {
      accelerations.forEach(
          acceleration -> out.accept(JoinedRow.of(uuid, null, acceleration, window)));
    } else {
      for (GenericRecord location : locations) {
        for (GenericRecord acceleration : accelerations) {
          out.accept(JoinedRow.of(uuid, location, acceleration, window));
        }
      }
    }
  }

  /** Encodes a piece as its fields, each with Beam's coder for its type. */
  static final class Coder extends CustomCoder<JoinPiece> {
    private static final StringUtf8Coder UUID = StringUtf8Coder.of();
    private static final VarLongCoder START = VarLongCoder.of();
    private static final ListCoder<GenericRecord> LOCATIONS =
        ListCoder.of(AvroCoder.of(GenericRecord.class, Topic.LOCATIONS.schema()));
    private static final ListCoder<GenericRecord> ACCELERATIONS =
        ListCoder.of(AvroCoder.of(GenericRecord.class, Topic.ACCELERATIONS.schema()));

    @Override
    public void encode(JoinPiece piece, OutputStream out) throws IOException {
      UUID.encode(piece.uuid(), out);
      START.encode(piece.windowStartMillis(), out);
      LOCATIONS.encode(piece.locations(), out);
      ACCELERATIONS.encode(piece.accelerations(), out);
    }

    @Override
    public JoinPiece decode(InputStream in) throws IOException {
      return new JoinPiece(
          UUID.decode(in), START.decode(in), LOCATIONS.decode(in), ACCELERATIONS.decode(in));
    }
  }
}

package io.github.bddreplay.pipelines.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * Combines the location rows of one route into its {@link MeanSpeedAccumulator}; the accumulator
 * itself is the output so the row builder sees the counts next to the mean.
 */
public class MeanSpeedFn
    extends CombineFn<GenericRecord, MeanSpeedAccumulator, MeanSpeedAccumulator> {

  @Override
  public MeanSpeedAccumulator createAccumulator() {
    return new MeanSpeedAccumulator();
  }

  @Override
  public MeanSpeedAccumulator addInput(MeanSpeedAccumulator accumulator, GenericRecord location) {
    return accumulator.add(
        RecordFields.nullableDouble(location, RecordFields.SPEED),
        RecordFields.string(location, RecordFields.RIDE_ID));
  }

  @Override
  public MeanSpeedAccumulator mergeAccumulators(Iterable<MeanSpeedAccumulator> accumulators) {
    MeanSpeedAccumulator merged = new MeanSpeedAccumulator();
    for (MeanSpeedAccumulator accumulator : accumulators) {
      merged.merge(accumulator);
    }
    return merged;
  }

  @Override
  public MeanSpeedAccumulator extractOutput(MeanSpeedAccumulator accumulator) {
    return accumulator;
  }

  @Override
  public Coder<MeanSpeedAccumulator> getAccumulatorCoder(
      CoderRegistry registry, Coder<GenericRecord> inputCoder) {
    return AccumulatorCoder.INSTANCE;
  }

  @Override
  public Coder<MeanSpeedAccumulator> getDefaultOutputCoder(
      CoderRegistry registry, Coder<GenericRecord> inputCoder) {
    return AccumulatorCoder.INSTANCE;
  }

  /** Encodes both halves of the sum, so a partial sum survives a shuffle without rounding. */
  static class AccumulatorCoder extends CustomCoder<MeanSpeedAccumulator> {
    static final AccumulatorCoder INSTANCE = new AccumulatorCoder();

    private static final Coder<Double> SUM = DoubleCoder.of();
    private static final Coder<Long> COUNT = VarLongCoder.of();
    private static final Coder<String> RIDE_ID = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(MeanSpeedAccumulator value, OutputStream out) throws IOException {
      SUM.encode(value.sumHigh(), out);
      SUM.encode(value.sumLow(), out);
      COUNT.encode(value.fixCount(), out);
      COUNT.encode(value.invalidSpeedCount(), out);
      RIDE_ID.encode(value.rideId(), out);
    }

    @Override
    public MeanSpeedAccumulator decode(InputStream in) throws IOException {
      return MeanSpeedAccumulator.restore(
          SUM.decode(in), SUM.decode(in), COUNT.decode(in), COUNT.decode(in), RIDE_ID.decode(in));
    }
  }
}

package io.github.bddreplay.parquet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RleHybridDecoder} against parquet-mr's encoder and the examples of the format's spec. */
class RleHybridDecoderTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7, 8, 13, 20, 31, 32})
  void readsWhatParquetMrsEncoderWrote(int bitWidth) throws IOException {
    Random random = new Random(bitWidth);
    int[] values = new int[5_000];
    for (int i = 0; i < values.length; ) {
      // Runs of one value, for RLE runs, between stretches of distinct values, for bit-packed ones.
      int value = bitWidth == 0 ? 0 : random.nextInt() >>> (32 - bitWidth);
      int run = random.nextBoolean() ? 1 + random.nextInt(40) : 1;
      for (int j = 0; j < run && i < values.length; j++) {
        values[i++] = value;
      }
    }
    RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator());
    for (int value : values) {
      encoder.writeInt(value);
    }
    byte[] bytes = encoder.toBytes().toByteArray();

    RleHybridDecoder decoder = new RleHybridDecoder(bytes, 0, bytes.length, bitWidth);
    int[] decoded = new int[values.length];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = decoder.next();
    }
    assertThat(Arrays.equals(decoded, values), is(true));
  }

  @Test
  void readsTheSpecsBitPackedExampleAndAnRleRun() throws IOException {
    // One group of 0..7 at 3 bits (the spec's example), then 5 repeated four times.
    byte[] bytes = {3, (byte) 0x88, (byte) 0xc6, (byte) 0xfa, 8, 5};
    RleHybridDecoder decoder = new RleHybridDecoder(bytes, 0, bytes.length, 3);
    int[] decoded = new int[12];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = decoder.next();
    }
    assertThat(decoded, is(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 5, 5, 5, 5}));
    assertThat(
        assertThrows(IOException.class, decoder::next).getMessage(), containsString("ends before its last value"));
  }

  @Test
  void takesTheMissingBytesOfACutLastBitPackedRunAsZerosAsParquetMrDoes() throws IOException {
    // A group of eight 1-bit values with its only byte missing.
    byte[] bytes = {3};
    RleHybridDecoder decoder = new RleHybridDecoder(bytes, 0, bytes.length, 1);
    assertThat(decoder.next(), is(0));
  }

  @Test
  void refusesAWidthOverThirtyTwoBits() {
    assertThrows(IOException.class, () -> new RleHybridDecoder(new byte[0], 0, 0, 33));
  }
}

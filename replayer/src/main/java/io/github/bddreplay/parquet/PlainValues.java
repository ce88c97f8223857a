package io.github.bddreplay.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads the values of one page in Parquet's PLAIN encoding, one after the other: numbers little
 * endian, booleans one bit each (least significant first), byte arrays prefixed with their length,
 * fixed-length arrays and INT96 without. Byte arrays are views into the page, not copies.
 */
final class PlainValues {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int INT96_BYTES = 12;

  private final byte[] data;
  private final int start;
  private final int end;
  private final int fixedLength;
  private int position;
  private int booleansRead;

  /** Reads {@code data[start, end)} as values of {@code type}. */
  PlainValues(byte[] data, int start, int end, PrimitiveType type) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.position = start;
    this.fixedLength =
        switch (type.getPrimitiveTypeName()) {
          case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
          case INT96 -> INT96_BYTES;
          default -> -1;
        };
  }

  boolean nextBoolean() throws IOException {
    int bit = booleansRead++;
    int at = start + (bit >>> 3);
    if (at >= end) {
      throw cutShort();
    }
    return (data[at] >>> (bit & 7) & 1) != 0;
  }

  int nextInt() throws IOException {
    return (int) INT.get(data, take(Integer.BYTES));
  }

  long nextLong() throws IOException {
    return (long) LONG.get(data, take(Long.BYTES));
  }

  float nextFloat() throws IOException {
    return Float.intBitsToFloat(nextInt());
  }

  double nextDouble() throws IOException {
    return Double.longBitsToDouble(nextLong());
  }

  /** The next byte array: length-prefixed, or of the type's fixed length. */
  Binary nextBinary() throws IOException {
    int length = fixedLength >= 0 ? fixedLength : nextInt();
    if (length < 0) {
      throw new IOException("a byte array of negative length " + length);
    }
    return Binary.fromConstantByteArray(data, take(length), length);
  }

  /** Moves past {@code bytes} bytes and returns where they start. */
  private int take(int bytes) throws IOException {
    int at = position;
    if (bytes > end - at) {
      throw cutShort();
    }
    position = at + bytes;
    return at;
  }

  private static IOException cutShort() {
    return new IOException("a page holds fewer values than its header declares");
  }
}

package io.github.bddreplay.parquet;

import java.io.IOException;

/**
 * Reads integers stored in Parquet's RLE / bit-packing hybrid encoding: definition levels and
 * dictionary indices. A run is either one value repeated (RLE) or groups of eight values packed
 * {@code bitWidth} bits each, least significant bit first.
 *
 * <p>As parquet-mr's decoder, it takes the bytes missing at the end of a last, cut bit-packed run
 * as zeros; reading past the last run is an error.
 */
final class RleHybridDecoder {
  private final byte[] data;
  private final int end;
  private final int bitWidth;
  private final int mask;
  private int position;
  private int remaining;
  private boolean repeated;
  private int repeatedValue;
  /** In a bit-packed run: where its next value starts, in bits from the start of {@code data}. */
  private long nextBit;

  /** Reads the runs in {@code data[position, end)}, values of {@code bitWidth} (0 to 32) bits. */
  RleHybridDecoder(byte[] data, int position, int end, int bitWidth) throws IOException {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IOException("bit width " + bitWidth + " is not between 0 and 32");
    }
    this.data = data;
    this.position = position;
    this.end = end;
    this.bitWidth = bitWidth;
    this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
  }

  int next() throws IOException {
    while (remaining == 0) {
      startRun();
    }
    remaining--;
    if (repeated) {
      return repeatedValue;
    }
    int value = bitsAt(nextBit);
    nextBit += bitWidth;
    return value;
  }

  private void startRun() throws IOException {
    if (position >= end) {
      throw new IOException("RLE / bit-packed data ends before its last value");
    }
    int header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      repeated = true;
      remaining = header >>> 1;
      int bytes = (bitWidth + 7) >>> 3;
      if (position + bytes > end) {
        throw new IOException("RLE run cut short");
      }
      int value = 0;
      for (int i = 0; i < bytes; i++) {
        value |= (data[position + i] & 0xff) << (8 * i);
      }
      repeatedValue = value;
      position += bytes;
    } else {
      repeated = false;
      int groups = header >>> 1;
      remaining = groups * 8;
      nextBit = (long) position * 8;
      position = (int) Math.min(end, position + (long) groups * bitWidth);
    }
  }

  private int bitsAt(long bit) {
    int first = (int) (bit >>> 3);
    int shift = (int) (bit & 7);
    int bytes = (shift + bitWidth + 7) >>> 3;
    long word = 0;
    for (int i = 0; i < bytes && first + i < end; i++) {
      word |= (data[first + i] & 0xffL) << (8 * i);
    }
    return (int) (word >>> shift) & mask;
  }

  private int readUnsignedVarInt() throws IOException {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (position >= end) {
        break;
      }
      byte b = data[position++];
      value |= (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IOException("RLE / bit-packed run header cut short");
  }
}

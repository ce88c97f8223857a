package io.github.bddreplay.parquet;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses GZIP data (RFC 1952) held in memory with one {@link Inflater} kept for every call.
 * A Parquet file compresses each page on its own, so a small file has a dozen GZIP pages;
 * {@code GZIPInputStream} or Hadoop's codec would set up a new inflater, buffers and streams for
 * each of them, which costs more than inflating the few bytes in it. Not thread-safe.
 */
public final class GzipInflater implements AutoCloseable {
  private static final int MAGIC_1 = 0x1f;
  private static final int MAGIC_2 = 0x8b;
  private static final int DEFLATE = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int HEADER_SIZE = 10;
  private static final int TRAILER_SIZE = 8;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] overflow = new byte[1];

  /**
   * The {@code size} bytes that {@code input[offset, offset + length)} decompresses to: one GZIP
   * member, or several back to back.
   *
   * @throws IOException when the data is not GZIP, is cut short, or does not decompress to exactly
   *     {@code size} bytes with the checksums it carries
   */
  public byte[] inflate(byte[] input, int offset, int length, int size) throws IOException {
    byte[] output = new byte[size];
    int end = offset + length;
    int at = offset;
    int produced = 0;
    do {
      at = skipHeader(input, at, end);
      inflater.reset();
      inflater.setInput(input, at, end - at);
      crc.reset();
      int memberStart = produced;
      try {
        while (!inflater.finished()) {
          int room = size - produced;
          // With every expected byte there, one more may only be asked for to see the stream end.
          int n = room > 0 ? inflater.inflate(output, produced, room) : inflater.inflate(overflow);
          if (room == 0 && n > 0) {
            throw new IOException("GZIP data is larger than the " + size + " bytes expected");
          }
          if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            throw new IOException("GZIP data is cut short after " + produced + " of " + size + " bytes");
          }
          produced += n;
        }
      } catch (DataFormatException e) {
        throw new IOException("GZIP data is corrupt: " + e.getMessage(), e);
      }
      crc.update(output, memberStart, produced - memberStart);
      at = end - inflater.getRemaining();
      if (end - at < TRAILER_SIZE) {
        throw new IOException("GZIP data has no trailer");
      }
      if (littleEndianInt(input, at) != (int) crc.getValue()
          || littleEndianInt(input, at + 4) != produced - memberStart) {
        throw new IOException("GZIP data does not match its checksum");
      }
      at += TRAILER_SIZE;
    } while (at < end);
    if (produced != size) {
      throw new IOException("GZIP data holds " + produced + " bytes instead of " + size);
    }
    return output;
  }

  /** Where the deflate stream of the member starting at {@code at} begins. */
  private static int skipHeader(byte[] input, int at, int end) throws IOException {
    if (end - at < HEADER_SIZE
        || (input[at] & 0xff) != MAGIC_1
        || (input[at + 1] & 0xff) != MAGIC_2
        || input[at + 2] != DEFLATE) {
      throw new IOException("not GZIP data");
    }
    int flags = input[at + 3];
    int position = at + HEADER_SIZE;
    if ((flags & FEXTRA) != 0) {
      if (position + 2 > end) {
        throw new IOException("GZIP header is cut short");
      }
      position += 2 + ((input[position] & 0xff) | (input[position + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) {
      position = afterZero(input, position, end);
    }
    if ((flags & FCOMMENT) != 0) {
      position = afterZero(input, position, end);
    }
    if ((flags & FHCRC) != 0) {
      position += 2;
    }
    if (position > end) {
      throw new IOException("GZIP header is cut short");
    }
    return position;
  }

  private static int afterZero(byte[] input, int position, int end) throws IOException {
    while (position < end && input[position] != 0) {
      position++;
    }
    if (position == end) {
      throw new IOException("GZIP header is cut short");
    }
    return position + 1;
  }

  private static int littleEndianInt(byte[] bytes, int at) {
    return (bytes[at] & 0xff)
        | (bytes[at + 1] & 0xff) << 8
        | (bytes[at + 2] & 0xff) << 16
        | (bytes[at + 3] & 0xff) << 24;
  }

  @Override
  public void close() {
    inflater.end();
  }
}

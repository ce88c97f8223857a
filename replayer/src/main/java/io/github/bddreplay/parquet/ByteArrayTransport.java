package io.github.bddreplay.parquet;

import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.transport.TTransport;
import shaded.parquet.org.apache.thrift.transport.TTransportException;

/**
 * Thrift input from a byte array already in memory, for decoding Parquet footers and page headers.
 * It exposes its buffer, so Thrift's compact protocol reads bytes straight from the array; parquet's
 * own path reads the same structures through an InputStream one call per byte, which made
 * decoding the footer the largest cost of reading a small file.
 */
final class ByteArrayTransport extends TTransport {
  private final byte[] bytes;
  private final int end;
  private int position;

  ByteArrayTransport(byte[] bytes, int offset, int end) {
    this.bytes = bytes;
    this.position = offset;
    this.end = end;
  }

  /** Where the next structure starts. */
  int position() {
    return position;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void open() {}

  @Override
  public void close() {}

  @Override
  public int read(byte[] buffer, int offset, int length) throws TTransportException {
    if (position >= end) {
      throw new TTransportException(TTransportException.END_OF_FILE, "structure runs past its bytes");
    }
    int n = Math.min(length, end - position);
    System.arraycopy(bytes, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws TTransportException {
    throw new TTransportException("read-only transport");
  }

  @Override
  public byte[] getBuffer() {
    return bytes;
  }

  @Override
  public int getBufferPosition() {
    return position;
  }

  @Override
  public int getBytesRemainingInBuffer() {
    return end - position;
  }

  @Override
  public void consumeBuffer(int length) {
    position += length;
  }

  @Override
  public TConfiguration getConfiguration() {
    return TConfiguration.DEFAULT;
  }

  @Override
  public void updateKnownMessageSize(long size) {}

  /** Refuses lengths a corrupt file declares beyond its end before anything is allocated for them. */
  @Override
  public void checkReadBytesAvailable(long numBytes) throws TTransportException {
    if (numBytes > end - position) {
      throw new TTransportException(
          TTransportException.END_OF_FILE, "a length of " + numBytes + " runs past the structure's bytes");
    }
  }
}

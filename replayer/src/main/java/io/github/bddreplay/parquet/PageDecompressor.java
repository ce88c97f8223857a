package io.github.bddreplay.parquet;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses Parquet pages held in memory into new arrays, keeping its decompressors from one
 * page to the next. GZIP, the codec of the data sets, goes through a {@link GzipInflater}; the
 * other codecs through parquet's own decompressors. Every page gets its own output array because
 * the values decoded from it point into it. Not thread-safe.
 */
final class PageDecompressor implements AutoCloseable {
  private static final Configuration NO_DEFAULTS = new Configuration(false);

  private final GzipInflater gzip = new GzipInflater();
  private final Map<CompressionCodecName, BytesInputDecompressor> others =
      new EnumMap<>(CompressionCodecName.class);
  private CodecFactory codecs;

  /** The {@code size} bytes that {@code bytes[offset, offset + length)} decompress to. */
  byte[] decompress(CompressionCodecName codec, byte[] bytes, int offset, int length, int size)
      throws IOException {
    switch (codec) {
      case UNCOMPRESSED:
        if (length != size) {
          throw new IOException("uncompressed page of " + length + " bytes declares " + size);
        }
        return Arrays.copyOfRange(bytes, offset, offset + length);
      case GZIP:
        return gzip.inflate(bytes, offset, length, size);
      default:
        return others
            .computeIfAbsent(codec, this::parquetDecompressor)
            .decompress(BytesInput.from(bytes, offset, length), size)
            .toByteArray();
    }
  }

  private BytesInputDecompressor parquetDecompressor(CompressionCodecName codec) {
    if (codecs == null) {
      codecs = new CodecFactory(NO_DEFAULTS, 0);
    }
    return codecs.getDecompressor(codec);
  }

  @Override
  public void close() {
    gzip.close();
    if (codecs != null) {
      codecs.release();
    }
  }
}

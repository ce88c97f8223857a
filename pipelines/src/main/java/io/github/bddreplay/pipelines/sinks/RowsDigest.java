package io.github.bddreplay.pipelines.sinks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * A SHA-256 digest of a sequence of flat records: each field's value with a marker for null, so
 * that {@code (null, "a")} and {@code ("a", null)} differ. Equal rows in the same order give the
 * same digest in any JVM, which is what lets a file be named after its content.
 */
final class RowsDigest {
  private static final byte NULL = 0;
  private static final byte PRESENT = 1;

  private final MessageDigest digest;
  private final ByteBuffer number = ByteBuffer.allocate(Long.BYTES);

  RowsDigest() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  void add(GenericRecord row) {
    int fields = row.getSchema().getFields().size();
    for (int i = 0; i < fields; i++) {
      Object value = row.get(i);
      if (value == null) {
        digest.update(NULL);
        continue;
      }
      digest.update(PRESENT);
      if (value instanceof Long l) {
        putLong(l);
      } else if (value instanceof Double d) {
        putLong(Double.doubleToLongBits(d));
      } else if (value instanceof Integer n) {
        putLong(n);
      } else if (value instanceof Float f) {
        putLong(Float.floatToIntBits(f));
      } else if (value instanceof Boolean b) {
        digest.update(b ? PRESENT : NULL);
      } else if (value instanceof Utf8 text) {
        putText(text.getBytes(), text.getByteLength());
      } else if (value instanceof CharSequence text) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        putText(bytes, bytes.length);
      } else {
        throw new IllegalArgumentException(
            "field '"
                + row.getSchema().getFields().get(i).name()
                + "' of a flat row holds a "
                + value.getClass().getName());
      }
    }
  }

  /**
   * The first {@code hexDigits} hex digits of the digest of the rows so far (at most 64); resets
   * it.
   */
  String hex(int hexDigits) {
    return HexFormat.of().formatHex(digest.digest()).substring(0, hexDigits);
  }

  private void putLong(long value) {
    number.clear();
    digest.update(number.putLong(value).array());
  }

  private void putText(byte[] bytes, int length) {
    putLong(length);
    digest.update(bytes, 0, length);
  }
}

package io.github.bddreplay.parquet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipInflaterTest {
  private static byte[] data(int size) {
    byte[] bytes = new byte[size];
    Random random = new Random(size);
    for (int i = 0; i < size; i++) {
      // Half random, half repeated: both stored and compressed deflate blocks.
      bytes[i] = i % 2 == 0 ? (byte) random.nextInt() : (byte) (i / 100);
    }
    return bytes;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  /** {@code bytes} inside a larger array, as a page inside a file. */
  private static byte[] embedded(byte[] bytes) {
    byte[] file = new byte[bytes.length + 20];
    Arrays.fill(file, (byte) 0x55);
    System.arraycopy(bytes, 0, file, 7, bytes.length);
    return file;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 70_000})
  void givesBackWhatWasCompressedOneInflaterForEveryCall(int size) throws IOException {
    try (GzipInflater inflater = new GzipInflater()) {
      for (int round = 0; round < 3; round++) {
        byte[] data = data(size + round);
        byte[] compressed = gzip(data);
        assertThat(inflater.inflate(embedded(compressed), 7, compressed.length, data.length), is(data));
      }
    }
  }

  @Test
  void readsMembersBackToBackAndSkipsAFileNameInTheHeader() throws IOException {
    byte[] first = gzip(data(300));
    byte[] named = gzip(data(500));
    // The same member with FNAME set and a name after the 10-byte header.
    byte[] name = "page.bin\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] withName = new byte[named.length + name.length];
    System.arraycopy(named, 0, withName, 0, 10);
    withName[3] = 8;
    System.arraycopy(name, 0, withName, 10, name.length);
    System.arraycopy(named, 10, withName, 10 + name.length, named.length - 10);
    byte[] both = new byte[first.length + withName.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(withName, 0, both, first.length, withName.length);
    byte[] expected = new byte[800];
    System.arraycopy(data(300), 0, expected, 0, 300);
    System.arraycopy(data(500), 0, expected, 300, 500);
    try (GzipInflater inflater = new GzipInflater()) {
      assertThat(inflater.inflate(both, 0, both.length, 800), is(expected));
    }
  }

  @Test
  void refusesDataThatIsNotGzip() {
    byte[] text = "plain text, not compressed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    IOException e = assertThrows(IOException.class, () -> inflate(text, 10));
    assertThat(e.getMessage(), containsString("not GZIP data"));
  }

  @Test
  void refusesDataCutShort() throws IOException {
    byte[] compressed = gzip(data(5000));
    byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);
    IOException e = assertThrows(IOException.class, () -> inflate(cut, 5000));
    assertThat(e.getMessage(), containsString("cut short"));
  }

  @Test
  void refusesADamagedChecksum() throws IOException {
    byte[] compressed = gzip(data(5000));
    compressed[compressed.length - 6] ^= 1;
    IOException e = assertThrows(IOException.class, () -> inflate(compressed, 5000));
    assertThat(e.getMessage(), containsString("checksum"));
  }

  @Test
  void refusesDataOfAnotherSizeThanDeclared() throws IOException {
    byte[] compressed = gzip(data(5000));
    assertThat(
        assertThrows(IOException.class, () -> inflate(compressed, 4999)).getMessage(),
        containsString("larger than the 4999 bytes expected"));
    assertThat(
        assertThrows(IOException.class, () -> inflate(compressed, 5001)).getMessage(),
        containsString("holds 5000 bytes instead of 5001"));
  }

  private static byte[] inflate(byte[] bytes, int size) throws IOException {
    try (GzipInflater inflater = new GzipInflater()) {
      return inflater.inflate(bytes, 0, bytes.length, size);
    }
  }
}

package io.github.bddreplay.replay;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One JSON object per line for each publication: what appeared in input/, when it was due and
 * when it appeared. Benchmarks measure end-to-end latency from these times.
 */
final class ReplayLog implements Closeable {
  private final BufferedWriter out;

  ReplayLog(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  void published(
      Publication publication,
      Path inputFile,
      PublicationWriter.Staged staged,
      Instant due,
      Instant published)
      throws IOException {
    out.write(
        String.format(
            "{\"topic\":%s,\"slice\":%s,\"loop\":%d,\"file\":%s,\"source_files\":%d,\"rows\":%d,"
                + "\"late_by_s\":%.3f,\"due\":%s,\"published\":%s,\"due_ms\":%d,\"published_ms\":%d,"
                + "\"lag_ms\":%d}",
            quote(publication.topic()),
            quote(publication.slice().folderName()),
            publication.loop(),
            quote(inputFile.toString()),
            staged.filesUsed(),
            staged.rows(),
            publication.delaySeconds(),
            quote(due.toString()),
            quote(published.toString()),
            due.toEpochMilli(),
            published.toEpochMilli(),
            published.toEpochMilli() - due.toEpochMilli()));
    out.newLine();
    out.flush();
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

package io.github.bddreplay.bench;

import io.github.bddreplay.contract.ReplayLogLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the replayer's {@code replay-log.jsonl}: a file that appeared in {@code input/}, when
 * it was due and when it was moved there.
 */
public record PublishedFile(
    String topic, String slice, Path file, long rows, Instant due, Instant published) {
  public long lagMillis() {
    return published.toEpochMilli() - due.toEpochMilli();
  }

  /** The publications of a replay log, in the order they were published. */
  public static List<PublishedFile> readLog(Path replayLog) throws IOException {
    List<PublishedFile> files = new ArrayList<>();
    for (String line : Files.readAllLines(replayLog)) {
      if (line.isBlank()) {
        continue;
      }
      ReplayLogLine entry = ReplayLogLine.parse(line);
      files.add(
          new PublishedFile(
              entry.topic(),
              entry.slice(),
              Paths.get(entry.file()),
              entry.rows(),
              Instant.ofEpochMilli(entry.dueMillis()),
              Instant.ofEpochMilli(entry.publishedMillis())));
    }
    if (files.isEmpty()) {
      throw new IOException(replayLog + " lists no publication");
    }
    return files;
  }
}

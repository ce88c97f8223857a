package io.github.bddreplay.replay;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One JSON object per line for each publication: what appeared in input/, when it was due and
 * when it appeared. Benchmarks measure end-to-end latency from these times. It is written through
 * a plain {@link FileOutputStream}, which, unlike the NIO channels behind {@code Files.newXxx},
 * an interrupt cannot close in the middle of a line: a replay stopped by an interrupt keeps the
 * line of every file it published.
 */
final class ReplayLog implements Closeable {
  private final BufferedWriter out;

  /** Opens the log; {@code append} keeps the lines of the runs before (a resumed replay). */
  ReplayLog(Path file, boolean append) throws IOException {
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(file.toFile(), append), StandardCharsets.UTF_8));
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
            Locale.ROOT,
            "{\"topic\":%s,\"slice\":%s,\"loop\":%d,\"file\":%s,\"source_files\":%d,\"rows\":%d,"
                + "\"late_by_s\":%.3f,\"due\":%s,\"published\":%s,\"due_ms\":%d,\"published_ms\":%d,"
                + "\"lag_ms\":%d}",
            JsonText.quote(publication.topic()),
            JsonText.quote(publication.slice().folderName()),
            publication.loop(),
            JsonText.quote(inputFile.toString()),
            staged.filesUsed(),
            staged.rows(),
            publication.delaySeconds(),
            JsonText.quote(due.toString()),
            JsonText.quote(published.toString()),
            due.toEpochMilli(),
            published.toEpochMilli(),
            published.toEpochMilli() - due.toEpochMilli()));
    out.newLine();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

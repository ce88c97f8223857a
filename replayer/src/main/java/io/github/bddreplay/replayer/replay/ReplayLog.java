package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.ReplayLogLine;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One JSON object per line for each publication: what appeared in input/, when it was due and when
 * it appeared. Benchmarks measure end-to-end latency from these times. It is written through a
 * stream that an interrupt cannot close in the middle of a line ({@link
 * io.github.bddreplay.replayer.storage.Storage#write}): a replay stopped by an interrupt keeps the
 * line of every file it published.
 */
final class ReplayLog implements Closeable {
  private final ResultsFolder results;
  private final BufferedWriter out;

  /**
   * Opens the log of {@code results}; {@code append} keeps the lines of the runs before (a resumed
   * replay).
   */
  ReplayLog(ResultsFolder results, boolean append) throws IOException {
    this.results = results;
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(
                results.storage().write(results.replayLog(), append), StandardCharsets.UTF_8));
  }

  void published(
      Publication publication,
      Path inputFile,
      PublicationWriter.Staged staged,
      Instant due,
      Instant published)
      throws IOException {
    out.write(
        ReplayLogLine.of(
                publication.topic(),
                publication.slice(),
                publication.loop(),
                results.describe(inputFile),
                staged.filesUsed(),
                staged.rows(),
                publication.delaySeconds(),
                due,
                published)
            .toJson());
    out.newLine();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

package io.github.bddreplay.report;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.ReplayLogLine;
import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The replay log of a results folder ({@code replay-log.jsonl}), in publication order. */
final class PublicationLog {
  private PublicationLog() {}

  static List<ReplayLogLine> read(Path results) {
    Path log = results.resolve(StreamLayout.REPLAY_LOG);
    if (!Files.isRegularFile(log)) {
      throw new BadInputException(
          log + ": not found; the results folder of a replay holds it (run `replay` first)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(log + ": cannot read it: " + e.getMessage(), e);
    }
    List<ReplayLogLine> publications = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        publications.add(ReplayLogLine.parse(lines.get(i)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(log + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return publications;
  }
}

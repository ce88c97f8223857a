package io.github.bddreplay.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.BadInputException;
import io.github.bddreplay.replay.ResultsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The replay log of a results folder ({@code replay-log.jsonl}), in publication order. */
final class PublicationLog {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PublicationLog() {}

  static List<LoggedPublication> read(Path results) {
    Path log = results.resolve(ResultsFolder.REPLAY_LOG);
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
    List<LoggedPublication> publications = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        publications.add(MAPPER.readValue(lines.get(i), LoggedPublication.class));
      } catch (JsonProcessingException e) {
        throw new BadInputException(
            log + " line " + (i + 1) + ": not a publication: " + e.getOriginalMessage(), e);
      }
    }
    return publications;
  }
}

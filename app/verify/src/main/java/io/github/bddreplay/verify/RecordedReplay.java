package io.github.bddreplay.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What a replay recorded in {@code <results>/replay-state.json} that decides which rows it
 * published with which event times: the start, the loops, the disorder (which splits a slice's
 * files into several publications) and the run id in the published names.
 */
record RecordedReplay(Instant start, int loops, DisorderPlan disorder, String runId) {
  /**
   * The replay recorded in {@code file}.
   *
   * @throws BadInputException when the file is missing or cannot be read back, naming it
   */
  static RecordedReplay read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          "no replay state " + file + ": --source needs the start the replay recorded there");
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      int loops = number(json, "loops").intValue();
      if (loops < 1) {
        throw new IllegalArgumentException("\"loops\" is " + loops + ", not at least 1");
      }
      return new RecordedReplay(
          Instant.parse(text(json, "start")),
          loops,
          new DisorderPlan(
              number(json, "seed").longValue(),
              number(json, "late_fraction").doubleValue(),
              number(json, "max_delay_s").doubleValue()),
          text(json, "run_id"));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new BadInputException("cannot read the replay state " + file + ": " + oneLine(e), e);
    }
  }

  /** The event time of offset 0 in epoch microseconds, as the replayer takes it. */
  long startMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, start);
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json == null ? null : json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no \"" + field + "\"");
    }
    return value;
  }

  private static JsonNode number(JsonNode json, String field) {
    JsonNode value = required(json, field);
    if (!value.isNumber()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a number: " + value);
    }
    return value;
  }

  private static String text(JsonNode json, String field) {
    return required(json, field).asText();
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}

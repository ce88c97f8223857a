package io.github.bddreplay.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.contract.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The JSON files other tools leave in a results folder, each read only if it is there. */
final class JsonFiles {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private JsonFiles() {}

  /** {@code file} as a {@code type}, or empty when it does not exist. */
  static <T> Optional<T> readIfPresent(Path file, Class<T> type) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(file.toFile(), type));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadInputException(
          file + ": not valid JSON of the expected shape: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read it: " + e.getMessage(), e);
    }
  }
}

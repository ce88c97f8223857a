package io.github.bddreplay.replayer.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.replayer.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * What a replay records in {@code <results>/replay-state.json} when it starts, so that a later run
 * can continue it: everything that decides the plan, the event times, the file names and the
 * schedule. A resumed replay takes the start, the wall-clock start and the run id from here and
 * must be given the same settings for the rest.
 *
 * @param runId the suffix of every published file name
 * @param start the event time of offset 0
 * @param wallStart the wall-clock instant the schedule counts from, to the millisecond
 * @param source the source folder, its real path
 * @param planFingerprint a digest of the planned publications and their source files, which changes
 *     when the source's files do
 */
record ReplayState(
    String runId,
    Instant start,
    Instant wallStart,
    String source,
    double speedup,
    long seed,
    double lateFraction,
    double maxDelaySeconds,
    int loops,
    CompressionCodecName codec,
    String planFingerprint) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  static ReplayState of(
      ReplayConfig config,
      String realSource,
      Instant start,
      Instant wallStart,
      List<Publication> plan) {
    return new ReplayState(
        Long.toString(wallStart.toEpochMilli()),
        start,
        wallStart,
        realSource,
        config.speedup(),
        config.disorder().seed(),
        config.disorder().lateFraction(),
        config.disorder().maxDelaySeconds(),
        config.loops(),
        config.codec(),
        fingerprint(config.source().storage(), plan));
  }

  String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", VERSION);
    json.put("run_id", runId);
    json.put("start", start.toString());
    json.put("wall_start", wallStart.toString());
    json.put("wall_start_ms", wallStart.toEpochMilli());
    json.put("source", source);
    json.put("speedup", Double.isInfinite(speedup) ? "max" : speedup);
    json.put("seed", seed);
    json.put("late_fraction", lateFraction);
    json.put("max_delay_s", maxDelaySeconds);
    json.put("loops", loops);
    json.put("codec", codec.name());
    json.put("plan", planFingerprint);
    try {
      return JSON.writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the replay state cannot be written as JSON", e);
    }
  }

  /**
   * The state recorded in {@code file}, if there is one.
   *
   * @throws BadInputException when the file is there but cannot be read back
   */
  static Optional<ReplayState> read(ResultsFolder results) {
    Path file = results.replayState();
    if (!results.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(results.storage().readString(file));
      if (json == null || !json.isObject() || json.path("version").asInt(-1) != VERSION) {
        throw new IllegalArgumentException(
            "unknown version " + (json == null ? null : json.get("version")));
      }
      String speedup = required(json, "speedup");
      return Optional.of(
          new ReplayState(
              required(json, "run_id"),
              Instant.parse(required(json, "start")),
              Instant.ofEpochMilli(Long.parseLong(required(json, "wall_start_ms"))),
              required(json, "source"),
              speedup.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(speedup),
              Long.parseLong(required(json, "seed")),
              Double.parseDouble(required(json, "late_fraction")),
              Double.parseDouble(required(json, "max_delay_s")),
              Integer.parseInt(required(json, "loops")),
              CompressionCodecName.valueOf(required(json, "codec")),
              required(json, "plan")));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new BadInputException(
          "cannot resume: the replay state "
              + file
              + " is unreadable ("
              + e.getMessage()
              + "); start afresh without --resume",
          e);
    }
  }

  private static String required(JsonNode json, String key) {
    JsonNode value = json.get(key);
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw new IllegalArgumentException("no \"" + key + "\"");
    }
    return value.asText();
  }

  /**
   * How {@code config} differs from the recorded settings, in the words of the command line; empty
   * when a replay with {@code config} continues this one. No start in {@code config} means the
   * recorded one.
   */
  List<String> differences(ReplayConfig config, String realSource) {
    List<String> differences = new ArrayList<>();
    if (!realSource.equals(source)) {
      differences.add(differs("--source", realSource, source));
    }
    if (config.speedup() != speedup) {
      differences.add(differs("--speedup", speedupText(config.speedup()), speedupText(speedup)));
    }
    if (config.start() != null && !config.start().equals(start)) {
      differences.add(differs("--start", config.start().toString(), start.toString()));
    }
    if (config.disorder().seed() != seed) {
      differences.add(
          differs("--seed", Long.toString(config.disorder().seed()), Long.toString(seed)));
    }
    if (config.disorder().lateFraction() != lateFraction) {
      differences.add(
          differs(
              "--late-fraction",
              Double.toString(config.disorder().lateFraction()),
              Double.toString(lateFraction)));
    }
    if (config.disorder().maxDelaySeconds() != maxDelaySeconds) {
      differences.add(
          differs(
              "--max-delay",
              Double.toString(config.disorder().maxDelaySeconds()),
              Double.toString(maxDelaySeconds)));
    }
    if (config.loops() != loops) {
      differences.add(differs("--loop", Integer.toString(config.loops()), Integer.toString(loops)));
    }
    if (config.codec() != codec) {
      differences.add(differs("--codec", config.codec().name(), codec.name()));
    }
    return differences;
  }

  private static String differs(String option, String given, String recorded) {
    return option + " " + given + " differs from the recorded " + recorded;
  }

  private static String speedupText(double speedup) {
    return Double.isInfinite(speedup) ? "max" : Double.toString(speedup);
  }

  /** A SHA-256 over what identifies each publication: where it goes, when, and what it holds. */
  static String fingerprint(Storage source, List<Publication> plan) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Publication p : plan) {
        StringBuilder line =
            new StringBuilder()
                .append(p.loop())
                .append('|')
                .append(p.topic())
                .append('|')
                .append(p.slice().folderName())
                .append('|')
                .append(p.sequence())
                .append('|')
                .append(p.dueSeconds())
                .append('|')
                .append(p.startMicros());
        for (Path file : p.files()) {
          line.append('|').append(file.getFileName()).append(':').append(source.size(file));
        }
        digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    } catch (IOException e) {
      throw new BadInputException("cannot read the size of a source file: " + e.getMessage(), e);
    }
  }
}

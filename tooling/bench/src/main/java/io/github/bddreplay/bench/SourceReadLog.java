package io.github.bddreplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the pipelines' source finished reading each input file, from its debug log line ({@code
 * -Dbdd.log.level.ours=DEBUG}, UTC clock): {@code HH:mm:ss.SSS DEBUG ...SensorFileReader: Read
 * <file>: <n> rows}. On the Spark runner a file can be read again when a micro-batch is recomputed;
 * the first reading counts.
 */
public final class SourceReadLog {
  /** What the pipelines' JVM needs for these lines: our debug level, a UTC clock. */
  public static final List<String> JVM_FLAGS =
      List.of("-Dbdd.log.level.ours=DEBUG", "-Duser.timezone=UTC");

  private static final Pattern READ =
      Pattern.compile(
          "^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) DEBUG \\S*SensorFileReader: Read (.+): (\\d+) rows$");

  private final Map<Path, Instant> firstRead;

  private SourceReadLog(Map<Path, Instant> firstRead) {
    this.firstRead = firstRead;
  }

  /**
   * @param log the pipelines' stderr
   * @param processStart when the JVM started: log lines carry no date, they are taken as the first
   *     such time at or after it
   */
  public static SourceReadLog parse(List<String> log, Instant processStart) {
    Map<Path, Instant> firstRead = new HashMap<>();
    for (String line : log) {
      Matcher matcher = READ.matcher(line);
      if (matcher.matches()) {
        Instant at = atOrAfter(LocalTime.parse(matcher.group(1)), processStart);
        firstRead.merge(Paths.get(matcher.group(2)), at, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return new SourceReadLog(firstRead);
  }

  public static SourceReadLog read(Path stderr, Instant processStart) throws IOException {
    return parse(Files.readAllLines(stderr), processStart);
  }

  /** The first instant with this UTC time of day not earlier than a second before {@code after}. */
  static Instant atOrAfter(LocalTime time, Instant after) {
    Instant floor = after.minus(Duration.ofSeconds(1));
    LocalDate day = floor.atZone(ZoneOffset.UTC).toLocalDate();
    Instant candidate = day.atTime(time).toInstant(ZoneOffset.UTC);
    return candidate.isBefore(floor) ? candidate.plus(Duration.ofDays(1)) : candidate;
  }

  public Optional<Instant> firstRead(Path file) {
    return Optional.ofNullable(firstRead.get(file));
  }

  /** When the first file of all was read: the pipeline was running. */
  public Optional<Instant> earliest() {
    return firstRead.values().stream().min(Instant::compareTo);
  }

  public int files() {
    return firstRead.size();
  }
}

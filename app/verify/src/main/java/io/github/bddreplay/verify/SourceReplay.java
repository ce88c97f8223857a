package io.github.bddreplay.verify;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.replayer.replay.Publication;
import io.github.bddreplay.replayer.replay.ReplayPlan;
import io.github.bddreplay.replayer.slices.SourceCatalog;
import io.github.bddreplay.replayer.storage.Location;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;

/**
 * The answer from the source data set, replayed again as the recorded replay did it: the replayer's
 * own plan says which source files each loop published under which name and with which start (each
 * loop shifts event time by the length of a pass), and every row's timestamp becomes that start
 * plus its offset (rounded half up to the microsecond, as {@code EventTime}). A publication the
 * pipelines dead-lettered leaves out its files in that loop.
 */
final class SourceReplay extends AnswerSource {
  private static final String STARTS_TABLE = "replay_starts";
  private static final String SOURCE_FILE_COLUMN = "verify_source_file";

  /** One source file in one loop: where its offsets start. */
  private record FileStart(Path file, long startMicros) {}

  private final Path source;
  private final RecordedReplay replay;
  private final List<FileStart> starts;

  private SourceReplay(
      Path source,
      RecordedReplay replay,
      Map<String, List<Path>> filesByTopic,
      List<FileStart> starts,
      List<String> deadLetters) {
    super(filesByTopic, deadLetters);
    this.source = source;
    this.replay = replay;
    this.starts = starts;
  }

  /**
   * @throws io.github.bddreplay.contract.BadInputException when {@code source} is not a data set
   */
  static SourceReplay of(Path source, RecordedReplay replay, List<DeadLetter> letters) {
    // The replayer warns about stray files and leaves them out; so does this answer, silently.
    SourceCatalog catalog = SourceCatalog.scan(Location.local(source), warning -> {});
    List<Publication> plan =
        ReplayPlan.of(
            catalog,
            replay.startMicros(),
            Double.POSITIVE_INFINITY,
            replay.loops(),
            replay.disorder());
    Map<String, DeadLetter> lettersByName = new LinkedHashMap<>();
    letters.forEach(letter -> lettersByName.put(letter.inputFile(), letter));
    Set<String> published = new HashSet<>();
    Map<String, Set<Path>> filesByTopic = new LinkedHashMap<>();
    List<FileStart> starts = new ArrayList<>();
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      filesByTopic.put(topic, new TreeSet<>());
    }
    for (Publication publication : plan) {
      Set<Path> topicFiles = filesByTopic.get(publication.topic());
      if (topicFiles == null) {
        continue;
      }
      String name = publication.inputName(replay.runId());
      published.add(name);
      if (lettersByName.containsKey(name)) {
        continue;
      }
      for (Path file : publication.files()) {
        topicFiles.add(file);
        starts.add(new FileStart(file, publication.startMicros()));
      }
    }
    List<String> described =
        letters.stream()
            .map(
                letter ->
                    letter.inputFile()
                        + ": "
                        + letter.reason()
                        + (published.contains(letter.inputFile())
                            ? ""
                            : " (no publication of this replay has that name)"))
            .toList();
    Map<String, List<Path>> files = new LinkedHashMap<>();
    filesByTopic.forEach((topic, set) -> files.put(topic, List.copyOf(set)));
    return new SourceReplay(source, replay, files, List.copyOf(starts), described);
  }

  @Override
  String description() {
    return source
        + " (start "
        + replay.start()
        + ", "
        + replay.loops()
        + (replay.loops() == 1 ? " loop)" : " loops)");
  }

  @Override
  String filesName() {
    return "source files";
  }

  @Override
  void prepare(DuckDb db) throws SQLException {
    db.execute("CREATE TABLE " + STARTS_TABLE + " (path VARCHAR, start_us BIGINT)");
    try (DuckDBAppender appender = db.appender(STARTS_TABLE)) {
      for (FileStart start : starts) {
        appender.beginRow().append(Sql.pathText(start.file())).append(start.startMicros()).endRow();
      }
    }
  }

  @Override
  String rowsOf(String topic, List<Path> files) {
    String offset = "f." + Sql.quote(Schemas.OFFSET);
    String columns =
        Schemas.topic(topic).stream()
            .map(
                column ->
                    (column.name().equals(Schemas.TIMESTAMP)
                            ? "s.start_us + CAST(floor("
                                + offset
                                + "::DOUBLE * 1000000.0::DOUBLE"
                                + " + 0.5::DOUBLE) AS BIGINT)"
                            : column.readFrom("f"))
                        + " AS "
                        + Sql.quote(column.name()))
            .collect(Collectors.joining(", "));
    return "SELECT "
        + columns
        + " FROM "
        + Column.readParquet(files, "filename = " + Sql.literal(SOURCE_FILE_COLUMN))
        + " f JOIN "
        + STARTS_TABLE
        + " s ON f."
        + SOURCE_FILE_COLUMN
        + " = s.path WHERE "
        + offset
        + " IS NOT NULL";
  }
}

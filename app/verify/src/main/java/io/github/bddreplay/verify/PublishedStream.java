package io.github.bddreplay.verify;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer from {@code <results>/input/} as the replayer published it: its timestamps already are
 * event times. Every visible file in a topic's folder is stream data (the pipelines read every
 * one), except those the pipelines dead-lettered.
 */
final class PublishedStream extends AnswerSource {
  private final Path input;

  private PublishedStream(
      Path input, Map<String, List<Path>> filesByTopic, List<String> deadLetters) {
    super(filesByTopic, deadLetters);
    this.input = input;
  }

  static PublishedStream of(Path results, List<DeadLetter> letters) throws IOException {
    Path input = results.resolve(StreamLayout.INPUT);
    Set<String> deadLettered =
        letters.stream().map(DeadLetter::inputFile).collect(Collectors.toSet());
    Set<String> present = new HashSet<>();
    Map<String, List<Path>> filesByTopic = new LinkedHashMap<>();
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      List<Path> files = new ArrayList<>();
      for (Path file : VisibleFiles.under(input.resolve(topic))) {
        String name = DeadLetter.relativeName(input, file);
        present.add(name);
        if (!deadLettered.contains(name)) {
          files.add(file);
        }
      }
      filesByTopic.put(topic, List.copyOf(files));
    }
    List<String> described =
        letters.stream()
            .map(
                letter ->
                    input.resolve(letter.inputFile())
                        + ": "
                        + letter.reason()
                        + (present.contains(letter.inputFile()) ? "" : " (no such input file)"))
            .toList();
    return new PublishedStream(input, filesByTopic, described);
  }

  @Override
  String description() {
    return input.toString();
  }

  @Override
  String filesName() {
    return "input files";
  }

  @Override
  void prepare(DuckDb db) {}

  @Override
  String rowsOf(String topic, List<Path> files) {
    return "SELECT "
        + Column.selectList(Schemas.topic(topic), "f")
        + " FROM "
        + Column.readParquet(files)
        + " f WHERE f."
        + Sql.quote(Schemas.TIMESTAMP)
        + " IS NOT NULL";
  }
}

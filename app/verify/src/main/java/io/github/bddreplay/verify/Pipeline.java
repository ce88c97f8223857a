package io.github.bddreplay.verify;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The pipelines whose outputs verify checks, by the names {@code --pipelines} gives them. */
public enum Pipeline {
  SIMPLE(StreamLayout.SIMPLE),
  WINDOWED(StreamLayout.WINDOWED),
  STREAM_JOINED(StreamLayout.STREAM_JOINED);

  /** What the demo runs unless told otherwise, and so what verify checks by default. */
  public static final String ALL =
      StreamLayout.SIMPLE + "," + StreamLayout.WINDOWED + "," + StreamLayout.STREAM_JOINED;

  private final String folderName;

  Pipeline(String folderName) {
    this.folderName = folderName;
  }

  /** The pipeline's name on the command line and its folder under {@code output/}. */
  public String folderName() {
    return folderName;
  }

  /**
   * The pipelines named in {@code commaSeparated}, such as {@code simple,windowed}.
   *
   * @throws BadInputException naming an unknown pipeline, or when none is named
   */
  public static Set<Pipeline> parse(String commaSeparated) {
    Set<Pipeline> selected = EnumSet.noneOf(Pipeline.class);
    for (String name : commaSeparated.split(",")) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      selected.add(
          Arrays.stream(values())
              .filter(pipeline -> pipeline.folderName.equals(trimmed))
              .findFirst()
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "unknown pipeline '" + trimmed + "' in --pipelines; known: " + ALL)));
    }
    if (selected.isEmpty()) {
      throw new BadInputException("--pipelines names no pipeline; known: " + ALL);
    }
    return selected;
  }

  @Override
  public String toString() {
    return folderName;
  }
}

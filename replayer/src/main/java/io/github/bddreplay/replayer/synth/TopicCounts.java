package io.github.bddreplay.replayer.synth;

/** How many files and rows were written for one topic. */
public record TopicCounts(long files, long rows) {
  public static final TopicCounts NONE = new TopicCounts(0, 0);

  public TopicCounts plus(TopicCounts other) {
    return new TopicCounts(files + other.files, rows + other.rows);
  }
}

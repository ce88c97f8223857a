package io.github.bddreplay.contract;

/**
 * The folders and file names the replayer and the pipelines agree on, under a results folder such
 * as {@code results/stream}: the replayer writes into {@code staging/} and moves each file complete
 * into {@code input/<topic>/t=NNN.N/}; the pipelines read {@code input/} and write {@code output/}
 * and {@code errors/}.
 */
public final class StreamLayout {
  public static final String STAGING = "staging";
  public static final String INPUT = "input";
  public static final String OUTPUT = "output";

  /** Files and rows the pipelines could not use, each with the reason. */
  public static final String ERRORS = "errors";

  /** In {@code output/}: the folder of each pipeline, named as the pipeline. */
  public static final String SIMPLE = "simple";

  public static final String WINDOWED = "windowed";
  public static final String STREAM_JOINED = "stream-joined";

  /** In {@code output/}: rows that came after their window's allowed lateness. */
  public static final String LATE = "late";

  public static final String REPLAY_LOG = "replay-log.jsonl";

  /** What a resumed replay needs to continue the replay that started here. */
  public static final String REPLAY_STATE = "replay-state.json";

  /** Written into {@code input/} once everything has been published. */
  public static final String END_OF_STREAM_MARKER = "_REPLAY_COMPLETE";

  /** The row-level dead letter of an input file: {@code errors/<topic>/<slice>/<file>.rows.txt}. */
  public static final String ROW_DEAD_LETTER_SUFFIX = ".rows.txt";

  /** The name prefix of an output file still being written; it is renamed when complete. */
  public static final String IN_PROGRESS_PREFIX = ".writing-";

  private StreamLayout() {}

  /**
   * Whether a file or folder name is hidden from readers: names starting with {@code _} or {@code
   * .} are markers, side files and files in progress, never data (the rule Spark and Hadoop's input
   * formats follow).
   */
  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}

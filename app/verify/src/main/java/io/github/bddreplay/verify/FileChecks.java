package io.github.bddreplay.verify;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The checks about files rather than rows: what the answer read and what the output holds. */
final class FileChecks {

  private FileChecks() {}

  /** The replay published everything: its end-of-stream marker is in {@code input/}. */
  static CheckResult replayFinished(Path results) {
    Path marker = results.resolve(StreamLayout.INPUT).resolve(StreamLayout.END_OF_STREAM_MARKER);
    boolean present = Files.exists(marker);
    return CheckResult.compared(
        "replay finished",
        "present",
        present ? "present" : "missing",
        present
            ? List.of()
            : List.of(marker + " is missing: the stream was not published to its end"));
  }

  /** Every file of the answer that has no dead letter was read. */
  static CheckResult filesRead(
      AnswerSource source, List<Path> files, List<ExpectedRows.Unreadable> unreadable) {
    return CheckResult.compared(
        source.filesName() + " readable",
        Integer.toString(files.size()),
        Integer.toString(files.size() - unreadable.size()),
        unreadable.stream()
            .map(file -> file.file() + ": not read, no dead letter for it: " + file.reason())
            .toList());
  }

  /**
   * The files the pipelines dead-lettered, left out of the answer: listed, not held against the
   * run.
   */
  static CheckResult deadLetters(AnswerSource source) {
    List<String> letters = source.deadLetters();
    return new CheckResult(
        "dead-lettered input files", "left out", Integer.toString(letters.size()), true, letters);
  }

  /**
   * Under {@code output/}, no file is left half-written (a {@code .writing-*} name) and every
   * visible file is a Parquet file, so that every output file is read.
   */
  static CheckResult outputFiles(Path output) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : VisibleFiles.allUnder(output)) {
      if (file.getFileName().toString().startsWith(StreamLayout.IN_PROGRESS_PREFIX)) {
        problems.add(file + ": left half-written");
      } else if (!VisibleFiles.isHiddenUnder(output, file) && !VisibleFiles.isParquet(file)) {
        problems.add(file + ": not a Parquet file");
      }
    }
    return CheckResult.compared("output files", "0 stray", problems.size() + " stray", problems);
  }
}

package io.github.bddreplay.verify;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An input file the pipelines gave up on: their entry {@code <errors>/<topic>/<slice>/<name>.txt}
 * stands for {@code <input>/<topic>/<slice>/<name>} and says why ({@code reason: ...}). Row-level
 * entries ({@code <name>.rows.txt}, rows some pipelines left out of a file they read) are not dead
 * letters of files.
 *
 * @param inputFile the input file's path relative to the input folder, with '/' separators
 */
record DeadLetter(String inputFile, String reason) {
  static final String SUFFIX = ".txt";
  private static final String REASON = "reason: ";

  /** The entries in {@code errorsDir}, in path order; none when the folder is absent. */
  static List<DeadLetter> readAll(Path errorsDir) throws IOException {
    List<DeadLetter> letters = new ArrayList<>();
    for (Path entry : VisibleFiles.under(errorsDir)) {
      String relative = relativeName(errorsDir, entry);
      if (relative.endsWith(SUFFIX) && !relative.endsWith(StreamLayout.ROW_DEAD_LETTER_SUFFIX)) {
        letters.add(
            new DeadLetter(
                relative.substring(0, relative.length() - SUFFIX.length()), reasonIn(entry)));
      }
    }
    return letters;
  }

  /** {@code file}'s path under {@code root}, '/'-separated as the entries and the log name it. */
  static String relativeName(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static String reasonIn(Path entry) throws IOException {
    return Files.readAllLines(entry, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith(REASON))
        .map(line -> line.substring(REASON.length()))
        .findFirst()
        .orElse("(no reason recorded)");
  }
}

package io.github.bddreplay.replay;

import io.github.bddreplay.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a replay writes to: {@code staging/} where files are written, {@code input/} where
 * they appear complete, and the replay log. The replayer empties staging and input on every start,
 * so it only ever does that to a folder it made itself, recognised by a marker file.
 */
public final class ResultsFolder {
  static final String MARKER = ".bdd-replay-results";
  public static final String STAGING = "staging";
  public static final String INPUT = "input";
  public static final String REPLAY_LOG = "replay-log.jsonl";
  /** Written into {@code input/} once everything has been published. */
  public static final String END_OF_STREAM_MARKER = "_REPLAY_COMPLETE";

  private final Path root;

  private ResultsFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path staging() {
    return root.resolve(STAGING);
  }

  public Path input() {
    return root.resolve(INPUT);
  }

  public Path replayLog() {
    return root.resolve(REPLAY_LOG);
  }

  /**
   * Makes {@code results} ready for a replay of {@code source}: checks that it is safe to clear,
   * empties staging and input, and leaves an empty {@code input/<topic>} folder per topic. Those
   * topic folders are kept across runs so that a running watcher never loses its root.
   *
   * @throws BadInputException when the folder must not be touched, saying why
   */
  public static ResultsFolder prepare(Path results, Path source, Collection<String> topics) {
    Path target = canonical(results);
    refuseDangerous(target, canonical(source));
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new BadInputException("results folder " + results + " is a file, not a folder");
    }
    if (Files.isDirectory(target) && !isEmpty(target) && !Files.exists(target.resolve(MARKER))) {
      throw new BadInputException(
          "results folder "
              + results
              + " already holds files and was not created by the replayer (no "
              + MARKER
              + " in it); refusing to clear it: choose another --results folder");
    }
    try {
      Files.createDirectories(target);
      touch(target.resolve(MARKER));
      ResultsFolder folder = new ResultsFolder(target);
      deleteContents(folder.staging(), List.of());
      deleteContents(folder.input(), topics);
      Files.createDirectories(folder.staging());
      for (String topic : topics) {
        Files.createDirectories(folder.input().resolve(topic));
      }
      return folder;
    } catch (IOException e) {
      throw new BadInputException("cannot prepare results folder " + results + ": " + e, e);
    }
  }

  private static void refuseDangerous(Path target, Path source) {
    Path home = canonical(Paths.get(System.getProperty("user.home")));
    if (target.getParent() == null) {
      throw new BadInputException("refusing to use the file system root " + target + " as results folder");
    }
    if (target.equals(home)) {
      throw new BadInputException("refusing to use the home folder " + target + " as results folder");
    }
    if (target.equals(source) || source.startsWith(target)) {
      throw new BadInputException(
          "refusing to use " + target + " as results folder: it holds the source data " + source);
    }
    if (target.startsWith(source)) {
      throw new BadInputException(
          "refusing to write results into the source folder " + source + " (" + target + ")");
    }
  }

  /** The absolute path with links resolved as far as the path exists. */
  private static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void touch(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
  }

  /** Deletes everything below {@code dir}, keeping the folders {@code dir/<keep>} themselves. */
  private static void deleteContents(Path dir, Collection<String> keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        boolean kept = keep.contains(entry.getFileName().toString()) && Files.isDirectory(entry);
        if (kept) {
          deleteContents(entry, List.of());
        } else {
          deleteRecursively(entry);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

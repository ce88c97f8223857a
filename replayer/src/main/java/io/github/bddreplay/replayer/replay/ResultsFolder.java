package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a replay writes to: {@code staging/} where files are written, {@code input/} where
 * they appear complete, the replay log and the replay state. A fresh replay empties staging and
 * input, a resumed one staging only, so the replayer only ever does that to a folder it made
 * itself, recognised by a marker file; the same rule guards the other subfolders that tools running
 * beside it clear ({@link #empty}).
 */
public final class ResultsFolder {
  static final String MARKER = ".bdd-replay-results";

  private final Path root;

  private ResultsFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path staging() {
    return root.resolve(StreamLayout.STAGING);
  }

  public Path input() {
    return root.resolve(StreamLayout.INPUT);
  }

  public Path replayLog() {
    return root.resolve(StreamLayout.REPLAY_LOG);
  }

  public Path replayState() {
    return root.resolve(StreamLayout.REPLAY_STATE);
  }

  /**
   * Makes {@code results} ready for a fresh replay of {@code source}: {@link #claim claims} it,
   * forgets the replay recorded there, empties staging and input, and leaves an empty {@code
   * input/<topic>} folder per topic. Those topic folders are kept across runs so that a running
   * watcher never loses its root.
   *
   * @throws BadInputException when the folder must not be touched, saying why
   */
  public static ResultsFolder prepare(Path results, Path source, Collection<String> topics) {
    ResultsFolder folder = claim(results, source);
    folder.prepareAfresh(topics);
    return folder;
  }

  /** Makes a claimed folder ready for a fresh replay (see {@link #prepare}). */
  void prepareAfresh(Collection<String> topics) {
    clear(
        "prepare results folder " + root,
        () -> {
          Files.deleteIfExists(replayState());
          deleteContents(staging(), List.of());
          deleteContents(input(), topics);
          createFolders(topics);
        });
  }

  /**
   * Makes a claimed folder ready to continue the replay recorded in it: empties staging only, where
   * an interrupted replay may have left files it had not yet published, and keeps input whole.
   */
  void prepareToResume(Collection<String> topics) {
    clear(
        "prepare results folder " + root,
        () -> {
          deleteContents(staging(), List.of());
          createFolders(topics);
        });
  }

  /**
   * Checks that {@code results} may be written to and cleared by a replay of {@code source},
   * creates it and marks it as the replayer's; deletes nothing.
   *
   * @throws BadInputException when the folder must not be touched, saying why
   */
  static ResultsFolder claim(Path results, Path source) {
    Path target = canonical(results);
    refuseDangerous(target);
    refuseSource(target, canonical(source));
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
    } catch (IOException e) {
      throw new BadInputException("cannot prepare results folder " + results + ": " + e, e);
    }
    return new ResultsFolder(target);
  }

  /**
   * A results folder the replayer made before (it carries the marker), for a tool that runs beside
   * the replayer and keeps its own subfolders in it.
   *
   * @throws BadInputException when the folder does not exist or does not carry the marker
   */
  public static ResultsFolder owned(Path results) {
    Path target = canonical(results);
    refuseDangerous(target);
    if (!Files.isDirectory(target) || !Files.exists(target.resolve(MARKER))) {
      throw new BadInputException(
          "results folder "
              + results
              + " was not created by the replayer (no "
              + MARKER
              + " in it); refusing to clear anything in it");
    }
    return new ResultsFolder(target);
  }

  /**
   * Deletes everything inside {@code <results>/<subfolder>} (such as a pipeline's {@code output} or
   * {@code errors}) and keeps the folder itself, so a watcher keeps its root; does nothing when it
   * does not exist. Only a plain folder name is accepted, and not the replayer's own {@code
   * staging} and {@code input}, which a replay clears itself.
   *
   * @throws BadInputException when the name is not such a subfolder, or the folder no longer
   *     carries the marker
   */
  public void empty(String subfolder) {
    if (subfolder.isEmpty()
        || subfolder.startsWith(".")
        || subfolder.contains("/")
        || subfolder.contains("\\")
        || subfolder.equals(StreamLayout.STAGING)
        || subfolder.equals(StreamLayout.INPUT)) {
      throw new BadInputException(
          "refusing to empty '"
              + subfolder
              + "' in results folder "
              + root
              + ": only a plain subfolder name other than "
              + StreamLayout.STAGING
              + " and "
              + StreamLayout.INPUT);
    }
    Path target = root.resolve(subfolder);
    if (!Files.exists(root.resolve(MARKER))) {
      throw new BadInputException(
          "results folder "
              + root
              + " no longer carries "
              + MARKER
              + "; refusing to empty "
              + target);
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new BadInputException("refusing to empty " + target + ": it is a file, not a folder");
    }
    clear("empty " + target, () -> deleteContents(target, List.of()));
  }

  /** Writes {@code text} into {@code target}, all of it or nothing: via staging and a rename. */
  void writeAtomically(Path target, String text) throws IOException {
    Path staged = staging().resolve(target.getFileName());
    // A plain stream, which an interrupt of the writing thread does not close half-way.
    try (OutputStream out = new FileOutputStream(staged.toFile())) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private interface Clearing {
    void run() throws IOException;
  }

  private void clear(String what, Clearing clearing) {
    try {
      clearing.run();
    } catch (IOException e) {
      throw new BadInputException("cannot " + what + ": " + e, e);
    }
  }

  private void createFolders(Collection<String> topics) throws IOException {
    Files.createDirectories(staging());
    for (String topic : topics) {
      Files.createDirectories(input().resolve(topic));
    }
  }

  private static void refuseDangerous(Path target) {
    Path home = canonical(Paths.get(System.getProperty("user.home")));
    if (target.getParent() == null) {
      throw new BadInputException(
          "refusing to use the file system root " + target + " as results folder");
    }
    if (target.equals(home)) {
      throw new BadInputException(
          "refusing to use the home folder " + target + " as results folder");
    }
  }

  private static void refuseSource(Path target, Path source) {
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

  /**
   * Deletes everything below {@code dir}, keeping the folders {@code dir/<keep>} themselves. Never
   * through a symbolic link: a link below {@code dir} is deleted as a link, and {@code dir} itself
   * being one is refused, since clearing it would delete whatever it leads to.
   */
  private static void deleteContents(Path dir, Collection<String> keep) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new BadInputException(
          "refusing to clear "
              + dir
              + ": it is a symbolic link (to "
              + Files.readSymbolicLink(dir)
              + "), and clearing it would delete what it leads to; make it a plain folder");
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        boolean kept =
            keep.contains(entry.getFileName().toString())
                && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
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

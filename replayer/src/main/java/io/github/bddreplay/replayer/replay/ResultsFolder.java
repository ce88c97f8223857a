package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.replayer.storage.Location;
import io.github.bddreplay.replayer.storage.Storage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The folder a replay writes to: {@code staging/} where files are written, {@code input/} where
 * they appear complete, the replay log and the replay state. A fresh replay empties staging and
 * input, a resumed one staging only, so the replayer only ever does that to a folder it made
 * itself, recognised by a marker file; the same rule guards the other subfolders that tools running
 * beside it clear ({@link #empty}).
 */
public final class ResultsFolder {
  static final String MARKER = ".bdd-replay-results";

  private final Storage storage;
  private final Path root;

  private ResultsFolder(Storage storage, Path root) {
    this.storage = storage;
    this.root = root;
  }

  /** The file system the folder is on. */
  public Storage storage() {
    return storage;
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
   * Whether {@code path}, a path in this folder, exists.
   *
   * @throws UncheckedIOException when the file system cannot tell
   */
  public boolean exists(Path path) {
    try {
      return storage.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + describe(path), e);
    }
  }

  /** The full name of {@code path} in this folder's file system, for messages. */
  public String describe(Path path) {
    return storage.describe(path);
  }

  /**
   * Makes {@code results} ready for a fresh replay of {@code source}: {@link #claim claims} it,
   * forgets the replay recorded there, empties staging and input, and leaves an empty {@code
   * input/<topic>} folder per topic. Those topic folders are kept across runs so that a running
   * watcher never loses its root.
   *
   * @throws BadInputException when the folder must not be touched, saying why
   */
  public static ResultsFolder prepare(
      Location results, Location source, Collection<String> topics) {
    ResultsFolder folder = claim(results, source);
    folder.prepareAfresh(topics);
    return folder;
  }

  /** Makes a claimed folder ready for a fresh replay (see {@link #prepare}). */
  void prepareAfresh(Collection<String> topics) {
    clear(
        "prepare results folder " + describe(root),
        () -> {
          storage.deleteIfExists(replayState());
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
        "prepare results folder " + describe(root),
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
  static ResultsFolder claim(Location results, Location source) {
    Storage storage = results.storage();
    try {
      Path target = storage.canonical(results.path());
      refuseDangerous(storage, target);
      if (storage.equals(source.storage())) {
        refuseSource(storage, target, source.storage().canonical(source.path()));
      }
      if (storage.exists(target) && !storage.isDirectory(target)) {
        throw new BadInputException("results folder " + results + " is a file, not a folder");
      }
      if (storage.isDirectory(target)
          && !storage.list(target).isEmpty()
          && !storage.exists(target.resolve(MARKER))) {
        throw new BadInputException(
            "results folder "
                + results
                + " already holds files and was not created by the replayer (no "
                + MARKER
                + " in it); refusing to clear it: choose another --results folder");
      }
      storage.createDirectories(target);
      storage.touch(target.resolve(MARKER));
      return new ResultsFolder(storage, target);
    } catch (IOException e) {
      throw new BadInputException("cannot prepare results folder " + results + ": " + e, e);
    }
  }

  /**
   * A results folder the replayer made before (it carries the marker), for a tool that runs beside
   * the replayer and keeps its own subfolders in it.
   *
   * @throws BadInputException when the folder does not exist or does not carry the marker
   */
  public static ResultsFolder owned(Location results) {
    Storage storage = results.storage();
    try {
      Path target = storage.canonical(results.path());
      refuseDangerous(storage, target);
      if (!storage.isDirectory(target) || !storage.exists(target.resolve(MARKER))) {
        throw new BadInputException(
            "results folder "
                + results
                + " was not created by the replayer (no "
                + MARKER
                + " in it); refusing to clear anything in it");
      }
      return new ResultsFolder(storage, target);
    } catch (IOException e) {
      throw new BadInputException("cannot read results folder " + results + ": " + e, e);
    }
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
              + describe(root)
              + ": only a plain subfolder name other than "
              + StreamLayout.STAGING
              + " and "
              + StreamLayout.INPUT);
    }
    Path target = root.resolve(subfolder);
    clear(
        "empty " + describe(target),
        () -> {
          if (!storage.exists(root.resolve(MARKER))) {
            throw new BadInputException(
                "results folder "
                    + describe(root)
                    + " no longer carries "
                    + MARKER
                    + "; refusing to empty "
                    + describe(target));
          }
          if (storage.exists(target) && !storage.isDirectory(target)) {
            throw new BadInputException(
                "refusing to empty " + describe(target) + ": it is a file, not a folder");
          }
          deleteContents(target, List.of());
        });
  }

  /** Writes {@code text} into {@code target}, all of it or nothing: via staging and a rename. */
  void writeAtomically(Path target, String text) throws IOException {
    Path staged = staging().resolve(target.getFileName());
    try (OutputStream out = storage.write(staged, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    storage.moveAtomically(staged, target);
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
    storage.createDirectories(staging());
    for (String topic : topics) {
      storage.createDirectories(input().resolve(topic));
    }
  }

  private static void refuseDangerous(Storage storage, Path target) throws IOException {
    if (target.getParent() == null) {
      throw new BadInputException(
          "refusing to use the file system root "
              + storage.describe(target)
              + " as results folder");
    }
    Optional<Path> home = storage.home();
    if (home.isPresent() && target.equals(home.get())) {
      throw new BadInputException(
          "refusing to use the home folder " + storage.describe(target) + " as results folder");
    }
  }

  private static void refuseSource(Storage storage, Path target, Path source) {
    if (target.equals(source) || source.startsWith(target)) {
      throw new BadInputException(
          "refusing to use "
              + storage.describe(target)
              + " as results folder: it holds the source data "
              + storage.describe(source));
    }
    if (target.startsWith(source)) {
      throw new BadInputException(
          "refusing to write results into the source folder "
              + storage.describe(source)
              + " ("
              + storage.describe(target)
              + ")");
    }
  }

  /**
   * Deletes everything below {@code dir}, keeping the folders {@code dir/<keep>} themselves. Never
   * through a symbolic link: a link below {@code dir} is deleted as a link, and {@code dir} itself
   * being one is refused, since clearing it would delete whatever it leads to.
   */
  private void deleteContents(Path dir, Collection<String> keep) throws IOException {
    if (storage.isSymbolicLink(dir)) {
      throw new BadInputException(
          "refusing to clear "
              + describe(dir)
              + ": it is a symbolic link, and clearing it would delete what it leads to; make it a"
              + " plain folder");
    }
    if (!storage.isDirectory(dir)) {
      return;
    }
    for (Path entry : storage.list(dir)) {
      boolean kept =
          keep.contains(entry.getFileName().toString())
              && !storage.isSymbolicLink(entry)
              && storage.isDirectory(entry);
      if (kept) {
        deleteContents(entry, List.of());
      } else {
        storage.deleteRecursively(entry);
      }
    }
  }
}

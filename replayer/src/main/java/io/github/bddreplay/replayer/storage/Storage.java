package io.github.bddreplay.replayer.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;

/**
 * A file system the replayer reads its source from or publishes into: the local one, or a cluster
 * file system reached through Hadoop. Paths are absolute paths inside the file system, so that the
 * replayer's path arithmetic ({@code resolve}, {@code getParent}, {@code getFileName}) is the same
 * everywhere; {@link #describe} gives a path's full name for messages.
 */
public interface Storage {
  /** The full name of {@code path}, as a user would type it: a local path or a URI. */
  String describe(Path path);

  boolean exists(Path path) throws IOException;

  /** Whether {@code path} is a folder, following a symbolic link. */
  boolean isDirectory(Path path) throws IOException;

  /** Whether {@code path} is a file, following a symbolic link. */
  boolean isRegularFile(Path path) throws IOException;

  /** Whether {@code path} itself is a symbolic link. */
  boolean isSymbolicLink(Path path) throws IOException;

  /** The entries of a folder, sorted by name. */
  List<Path> list(Path folder) throws IOException;

  long size(Path file) throws IOException;

  /** {@code path} absolute and normalized, with links resolved as far as the path exists. */
  Path canonical(Path path) throws IOException;

  /** The current user's home folder on this file system, if it has one. */
  Optional<Path> home() throws IOException;

  void createDirectories(Path folder) throws IOException;

  /** Creates an empty file unless one exists. */
  void touch(Path file) throws IOException;

  /** Deletes a file, or a folder with all below it; a symbolic link is deleted as a link. */
  void deleteRecursively(Path path) throws IOException;

  void deleteIfExists(Path file) throws IOException;

  /**
   * Renames {@code from} to {@code to} in one step, so that a reader of {@code to}'s folder sees
   * the file whole or not at all.
   *
   * @throws IOException when the file system cannot do that
   */
  void moveAtomically(Path from, Path to) throws IOException;

  /**
   * A stream that writes {@code file}, replacing it, or appending to it when {@code append}. An
   * interrupt of the writing thread does not close it half-way.
   */
  OutputStream write(Path file, boolean append) throws IOException;

  String readString(Path file) throws IOException;

  /** {@code file} for parquet-mr's readers, named by its file name in their messages. */
  InputFile inputFile(Path file) throws IOException;

  /** {@code file} for parquet-mr's writers. */
  OutputFile outputFile(Path file) throws IOException;
}

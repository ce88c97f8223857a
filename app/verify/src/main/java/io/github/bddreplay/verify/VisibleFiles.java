package io.github.bddreplay.verify;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a folder tree that hold data. Names starting with {@code _} or {@code .} at any
 * depth are not data (markers, {@code .writing-*} files being written, staging folders), so a file
 * still being written is never read.
 */
public final class VisibleFiles {
  static final String PARQUET_SUFFIX = ".parquet";

  private VisibleFiles() {}

  /**
   * The regular files under {@code dir} that are not hidden, in path order; none if it is absent.
   */
  public static List<Path> under(Path dir) throws IOException {
    return walk(dir).filter(file -> !isHiddenUnder(dir, file)).toList();
  }

  /** Every regular file under {@code dir}, hidden or not, in path order; none if it is absent. */
  static List<Path> allUnder(Path dir) throws IOException {
    return walk(dir).toList();
  }

  public static boolean isParquet(Path file) {
    return file.getFileName().toString().endsWith(PARQUET_SUFFIX);
  }

  static boolean isHiddenUnder(Path dir, Path file) {
    for (Path name : dir.relativize(file)) {
      String text = name.toString();
      if (StreamLayout.isHidden(text)) {
        return true;
      }
    }
    return false;
  }

  private static Stream<Path> walk(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList().stream();
    }
  }
}

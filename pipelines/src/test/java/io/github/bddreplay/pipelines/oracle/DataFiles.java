package io.github.bddreplay.pipelines.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a folder tree that hold data: names starting with {@code _} or {@code .} (markers,
 * temporary and staging folders) are not data, at any depth.
 */
final class DataFiles {
  private DataFiles() {}

  /** The regular files under {@code dir} that are not hidden, in path order. */
  static List<Path> visibleUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !isHiddenUnder(dir, file))
          .sorted()
          .toList();
    }
  }

  static boolean isParquet(Path file) {
    return file.getFileName().toString().endsWith(".parquet");
  }

  private static boolean isHiddenUnder(Path dir, Path file) {
    for (Path name : dir.relativize(file)) {
      String text = name.toString();
      if (text.startsWith("_") || text.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}

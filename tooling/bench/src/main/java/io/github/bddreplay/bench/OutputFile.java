package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Parquet file a pipeline wrote, and when it appeared where readers find it. Beam writes each
 * file into a hidden temporary folder and then renames it into place; a rename keeps the
 * modification time (when the data was written) but sets the status-change time, so the
 * status-change time is the moment the file became visible.
 */
public record OutputFile(Path path, Instant appeared) {
  /**
   * The visible Parquet files under {@code folder} (hidden and temporary ones skipped), by time.
   */
  public static List<OutputFile> under(Path folder) throws IOException {
    List<OutputFile> files = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().endsWith(".parquet") && visible(folder, file)) {
          files.add(new OutputFile(file, appeared(file)));
        }
      }
    }
    files.sort(Comparator.comparing(OutputFile::appeared));
    return files;
  }

  /** The status-change time: for a file renamed into place, when it was renamed. */
  public static Instant appeared(Path file) throws IOException {
    return ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
  }

  private static boolean visible(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (StreamLayout.isHidden(part.toString())) {
        return false;
      }
    }
    return true;
  }
}

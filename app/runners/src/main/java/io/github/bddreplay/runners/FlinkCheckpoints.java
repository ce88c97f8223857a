package io.github.bddreplay.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the embedded Flink checkpoints a run, under the run's {@code --checkpointDir}, and which
 * checkpoint a restart restores. Flink writes a completed checkpoint as {@code <storage>/<job
 * id>/chk-<n>/_metadata}, keeps the newest one while the job runs, and deletes it when the job
 * finishes; a killed job leaves its newest behind.
 */
public final class FlinkCheckpoints {
  private static final String STORAGE = "flink";
  private static final String METADATA = "_metadata";

  private FlinkCheckpoints() {}

  /** The folder Flink's checkpoint storage writes to, for a run's {@code --checkpointDir}. */
  public static Path storage(String checkpointDir) {
    return Paths.get(checkpointDir, STORAGE).toAbsolutePath();
  }

  /** The newest completed checkpoint (its {@code chk-<n>} folder) of any job of that storage. */
  public static Optional<Path> latestCompleted(String checkpointDir) {
    Path storage = storage(checkpointDir);
    if (!Files.isDirectory(storage)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.find(storage, 3, FlinkCheckpoints::isMetadata)) {
      return files.max(Comparator.comparing(FlinkCheckpoints::modified)).map(Path::getParent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list Flink's checkpoints in " + storage, e);
    }
  }

  private static boolean isMetadata(Path file, BasicFileAttributes attrs) {
    return attrs.isRegularFile()
        && file.getFileName().toString().equals(METADATA)
        && file.getParent().getFileName().toString().startsWith("chk-");
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

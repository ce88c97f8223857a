package io.github.bddreplay.replayer.synth;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Generates a data set into a hidden staging folder next to its target, then renames it into place
 * in one step: readers see the whole data set or none, and an interrupted run leaves only a hidden
 * {@code .<name>.staging-<pid>} folder, which readers of slices ignore.
 */
final class DatasetPublisher {
  private DatasetPublisher() {}

  /**
   * Generates into {@code target}, which must not exist yet.
   *
   * @throws FileAlreadyExistsException if {@code target} exists, also when another process
   *     published it meanwhile
   */
  static SynthSummary publish(SyntheticDataset generator, SynthConfig config, Path target)
      throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging =
        parent.resolve("." + absolute.getFileName() + ".staging-" + ProcessHandle.current().pid());
    deleteRecursively(staging);
    try {
      SynthSummary summary = generator.generate(config, staging);
      if (Files.exists(absolute)) {
        throw new FileAlreadyExistsException(absolute.toString());
      }
      Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}

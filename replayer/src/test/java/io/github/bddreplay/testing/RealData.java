package io.github.bddreplay.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * The real BDD data set beside the repository. Tests that need it fail, never skip, when it is
 * missing: CI must run them.
 */
public final class RealData {
  public static final long LOCATION_ROWS = 478;
  public static final long ACCELERATION_ROWS = 23_512;
  public static final int SLICES_PER_TOPIC = 34;
  public static final int FILES = 808;

  private RealData() {}

  public static Path dir() {
    String configured = System.getProperty("bdd.dir");
    Path dir = Paths.get(configured != null ? configured : "../../shared/bdd").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.resolve("locations")) || !Files.isDirectory(dir.resolve("accelerations"))) {
      fail("the real data set is not at " + dir + " (set -Dbdd.dir=...); these tests must not be skipped");
    }
    return dir;
  }

  /** Copies a data set folder (for tests that damage their copy). */
  public static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

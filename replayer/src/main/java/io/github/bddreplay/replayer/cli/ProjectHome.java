package io.github.bddreplay.replayer.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The project folder that default paths (data/, results/) are relative to: the {@code bdd.home}
 * system property, which the Maven launch sets to the repository root, else the working folder.
 */
public final class ProjectHome {
  private ProjectHome() {}

  public static Path path() {
    return Paths.get(System.getProperty("bdd.home", "")).toAbsolutePath().normalize();
  }

  /** The results folder of a run that names none: {@code results/stream} in the project. */
  public static Path defaultResults() {
    return path().resolve("results").resolve("stream");
  }
}

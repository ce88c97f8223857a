package io.github.bddreplay.replayer.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The project's default data set, {@code <dataDir>/synthetic}: generated from {@link
 * SynthConfig#DEFAULT} on first use, so the tools work out of the box without the real data.
 */
public final class DefaultDataset {
  public static final String FOLDER = "synthetic";

  private DefaultDataset() {}

  /**
   * The default data set's folder, generated first if missing.
   *
   * @param dataDir the repository's {@code data/} folder
   * @throws UncheckedIOException naming the folder if it cannot be generated
   */
  public static synchronized Path ensure(Path dataDir) {
    Path target = dataDir.resolve(FOLDER);
    if (Files.isDirectory(target)) {
      return target;
    }
    if (Files.exists(target)) {
      throw new UncheckedIOException(
          target + " exists but is not a folder; move it away to have it regenerated",
          new NotDirectoryException(target.toString()));
    }
    try {
      new SyntheticDataset().publish(SynthConfig.DEFAULT, target);
    } catch (IOException e) {
      if (Files.isDirectory(target)) {
        // Another process published it meanwhile: the same data, since generation is deterministic.
        return target;
      }
      throw new UncheckedIOException(
          "cannot generate the default synthetic data set in " + target + ": " + e.getMessage(), e);
    }
    System.out.println(
        "generated the default synthetic data set ("
            + SynthConfig.DEFAULT.describe()
            + ") in "
            + target.toAbsolutePath().normalize());
    return target;
  }
}

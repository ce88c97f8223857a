package io.github.bddreplay.replayer.storage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/** The local file system, through {@code java.nio.file}. */
final class LocalStorage implements Storage {
  static final LocalStorage INSTANCE = new LocalStorage();

  private LocalStorage() {}

  @Override
  public String describe(Path path) {
    return path.toString();
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }

  @Override
  public boolean isRegularFile(Path path) {
    return Files.isRegularFile(path);
  }

  @Override
  public boolean isSymbolicLink(Path path) {
    return Files.isSymbolicLink(path);
  }

  @Override
  public List<Path> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }

  @Override
  public long size(Path file) throws IOException {
    return Files.size(file);
  }

  @Override
  public Path canonical(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    return existing.toRealPath().resolve(existing.relativize(absolute));
  }

  @Override
  public Optional<Path> home() throws IOException {
    return Optional.of(canonical(Path.of(System.getProperty("user.home"))));
  }

  @Override
  public void createDirectories(Path folder) throws IOException {
    Files.createDirectories(folder);
  }

  @Override
  public void touch(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
  }

  @Override
  public void deleteRecursively(Path path) throws IOException {
    // Files.walk does not follow links: a link is deleted, not what it leads to.
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void deleteIfExists(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public void moveAtomically(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public OutputStream write(Path file, boolean append) throws IOException {
    // A plain stream: unlike the NIO channels behind Files.newXxx, an interrupt cannot close it.
    return new FileOutputStream(file.toFile(), append);
  }

  @Override
  public String readString(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Override
  public InputFile inputFile(Path file) {
    return new NamedInputFile(new LocalInputFile(file), file);
  }

  @Override
  public OutputFile outputFile(Path file) {
    return new LocalOutputFile(file);
  }
}

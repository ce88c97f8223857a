package io.github.bddreplay.replayer.storage;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.HadoopClient;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;

/**
 * A file system reached through Hadoop's {@link FileSystem}, such as HDFS ({@code
 * hdfs://namenode:8020}). Its configuration is Hadoop's defaults, the {@code core-site.xml} and
 * {@code hdfs-site.xml} found on the classpath, and those in {@code $HADOOP_CONF_DIR} and {@code
 * $YARN_CONF_DIR}, the folders Spark and Beam read them from too.
 *
 * <p>Publishing relies on {@link #moveAtomically}: HDFS renames atomically; object stores reached
 * through Hadoop (s3a://) rename by copying, so a reader there may see a file half-written.
 */
final class HadoopStorage implements Storage {
  private static final Map<URI, HadoopStorage> BY_FILE_SYSTEM = new ConcurrentHashMap<>();

  private final URI fileSystemUri;
  private final Configuration conf;
  private final FileSystem fs;
  private final FileContext context;

  private HadoopStorage(URI fileSystemUri, Configuration conf) throws IOException {
    this.fileSystemUri = fileSystemUri;
    this.conf = conf;
    this.fs = FileSystem.get(fileSystemUri, conf);
    this.context = FileContext.getFileContext(fileSystemUri, conf);
  }

  /**
   * {@code uri} on the Hadoop file system it names.
   *
   * @throws BadInputException when Hadoop knows no file system for it or cannot reach it
   */
  static Location locate(URI uri) {
    URI fileSystemUri =
        URI.create(uri.getScheme() + "://" + Objects.toString(uri.getAuthority(), "") + "/");
    HadoopStorage storage =
        BY_FILE_SYSTEM.computeIfAbsent(
            fileSystemUri,
            key -> {
              try {
                return new HadoopStorage(key, configuration());
              } catch (IOException | RuntimeException e) {
                throw new BadInputException(
                    "cannot use " + uri + ": no Hadoop file system for it (" + e.getMessage() + ")",
                    e);
              }
            });
    String path = uri.getPath();
    return new Location(storage, Path.of(path == null || path.isEmpty() ? "/" : path).normalize());
  }

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    for (String variable : List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR")) {
      String dir = System.getenv(variable);
      if (dir == null || dir.isBlank()) {
        continue;
      }
      for (String name : List.of("core-site.xml", "hdfs-site.xml")) {
        java.io.File file = new java.io.File(dir, name);
        if (file.isFile()) {
          conf.addResource(new org.apache.hadoop.fs.Path(file.toURI()));
        }
      }
    }
    return HadoopClient.forSmallFiles(conf);
  }

  private org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(
        fileSystemUri.getScheme(), fileSystemUri.getAuthority(), path.toString());
  }

  @Override
  public String describe(Path path) {
    return hadoop(path).toString();
  }

  private Optional<FileStatus> status(Path path) throws IOException {
    try {
      return Optional.of(fs.getFileStatus(hadoop(path)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean exists(Path path) throws IOException {
    return status(path).isPresent();
  }

  @Override
  public boolean isDirectory(Path path) throws IOException {
    return status(path).map(FileStatus::isDirectory).orElse(false);
  }

  @Override
  public boolean isRegularFile(Path path) throws IOException {
    return status(path).map(FileStatus::isFile).orElse(false);
  }

  @Override
  public boolean isSymbolicLink(Path path) throws IOException {
    try {
      return fs.getFileLinkStatus(hadoop(path)).isSymlink();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public List<Path> list(Path folder) throws IOException {
    return Arrays.stream(fs.listStatus(hadoop(folder)))
        .map(status -> Path.of(status.getPath().toUri().getPath()))
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  @Override
  public long size(Path file) throws IOException {
    return fs.getFileStatus(hadoop(file)).getLen();
  }

  @Override
  public Path canonical(Path path) {
    // Paths from a URI are absolute; HDFS has symbolic links switched off by default.
    return path.toAbsolutePath().normalize();
  }

  @Override
  public Optional<Path> home() {
    return Optional.of(Path.of(fs.getHomeDirectory().toUri().getPath()));
  }

  @Override
  public void createDirectories(Path folder) throws IOException {
    if (!fs.mkdirs(hadoop(folder))) {
      throw new IOException("cannot create folder " + describe(folder));
    }
  }

  @Override
  public void touch(Path file) throws IOException {
    if (!exists(file)) {
      fs.create(hadoop(file), false).close();
    }
  }

  @Override
  public void deleteRecursively(Path path) throws IOException {
    if (!fs.delete(hadoop(path), true) && exists(path)) {
      throw new IOException("cannot delete " + describe(path));
    }
  }

  @Override
  public void deleteIfExists(Path file) throws IOException {
    fs.delete(hadoop(file), false);
  }

  @Override
  public void moveAtomically(Path from, Path to) throws IOException {
    // FileContext's rename replaces an existing target, as the local move does; HDFS does it in
    // one namenode operation.
    context.rename(hadoop(from), hadoop(to), Options.Rename.OVERWRITE);
  }

  @Override
  public OutputStream write(Path file, boolean append) throws IOException {
    org.apache.hadoop.fs.Path target = hadoop(file);
    return append && fs.exists(target) ? fs.append(target) : fs.create(target, true);
  }

  @Override
  public String readString(Path file) throws IOException {
    try (InputStream in = fs.open(hadoop(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public InputFile inputFile(Path file) throws IOException {
    return new NamedInputFile(HadoopInputFile.fromPath(hadoop(file), conf), file);
  }

  @Override
  public OutputFile outputFile(Path file) throws IOException {
    return HadoopOutputFile.fromPath(hadoop(file), conf);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HadoopStorage that && fileSystemUri.equals(that.fileSystemUri);
  }

  @Override
  public int hashCode() {
    return fileSystemUri.hashCode();
  }

  @Override
  public String toString() {
    return fileSystemUri.toString();
  }
}

package io.github.bddreplay.replayer.storage;

import io.github.bddreplay.contract.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A folder or file on some {@link Storage}: a local path, or a URI such as {@code
 * hdfs://namenode:8020/bdd} that names a Hadoop file system.
 */
public record Location(Storage storage, Path path) {
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

  /** A path on the local file system. */
  public static Location local(Path path) {
    return new Location(LocalStorage.INSTANCE, path);
  }

  /**
   * What a user typed: a local path, a {@code file:} URI, or the URI of a Hadoop file system.
   *
   * @throws BadInputException when it is a URI that names no usable file system
   */
  public static Location parse(String text) {
    if (!URI_SCHEME.matcher(text).matches()) {
      return local(Path.of(text));
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new BadInputException("'" + text + "' is not a valid URI: " + e.getMessage(), e);
    }
    if (uri.getScheme().equalsIgnoreCase("file")) {
      return local(Path.of(uri));
    }
    return HadoopStorage.locate(uri);
  }

  public Location resolve(String child) {
    return new Location(storage, path.resolve(child));
  }

  public boolean isLocal() {
    return storage instanceof LocalStorage;
  }

  @Override
  public String toString() {
    return storage.describe(path);
  }
}

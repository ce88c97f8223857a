package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The folder the replayer publishes into, {@code <input>/<topic>/<slice>/<name>}, seen through
 * Beam's {@link FileSystems}: what it holds now, and whether the replay has declared it complete.
 */
public final class InputFolder implements Serializable {
  /** The file the replayer writes into the input root once everything has been published. */
  static final String END_OF_STREAM_MARKER = StreamLayout.END_OF_STREAM_MARKER;

  private final String inputDir;

  public InputFolder(String inputDir) {
    this.inputDir = inputDir;
  }

  private ResourceId root() {
    return FileSystems.matchNewResource(inputDir, true);
  }

  /** The glob of every file at the depth of sensor files; hidden ones are filtered afterwards. */
  String filePattern() {
    return root().toString() + "*/*/*";
  }

  /** The sensor files in the folder now, in publication order. */
  public TreeSet<SensorFile> list() throws IOException {
    TreeSet<SensorFile> files = new TreeSet<>();
    for (MatchResult.Metadata metadata : match(filePattern())) {
      SensorFile.fromMatch(metadata).ifPresent(files::add);
    }
    return files;
  }

  /** The file at {@code relativePath}, if it is there. */
  Optional<SensorFile> find(String relativePath) throws IOException {
    String[] parts = relativePath.split("/");
    ResourceId file = root();
    for (int i = 0; i < parts.length - 1; i++) {
      file = file.resolve(parts[i], StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    file = file.resolve(parts[parts.length - 1], StandardResolveOptions.RESOLVE_FILE);
    return match(file.toString()).stream().findFirst().flatMap(SensorFile::fromMatch);
  }

  /** Whether the end-of-stream marker is there. */
  boolean isComplete() throws IOException {
    String marker =
        root().resolve(END_OF_STREAM_MARKER, StandardResolveOptions.RESOLVE_FILE).toString();
    return !match(marker).isEmpty();
  }

  private static List<MatchResult.Metadata> match(String spec) throws IOException {
    return FileSystems.match(spec, EmptyMatchTreatment.ALLOW).metadata();
  }

  @Override
  public String toString() {
    return inputDir;
  }
}

package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Optional;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A file found at {@code <input>/<topic>/<slice>/<name>}, named by that path relative to the input
 * root. Files are read in the order the replayer publishes them: by slice time, then topic, then
 * name; files in a folder that is not a slice ({@code t=NNN.N}) sort first, so that they are
 * reported as bad input at once. Two files are the same when their relative paths are.
 */
public final class SensorFile implements Comparable<SensorFile> {
  private static final Comparator<SensorFile> PUBLICATION_ORDER =
      Comparator.comparingLong((SensorFile f) -> f.slice().map(SliceTime::tenths).orElse(-1L))
          .thenComparing(f -> f.topicFolder)
          .thenComparing(f -> f.name)
          .thenComparing(f -> f.sliceFolder);

  private final String topicFolder;
  private final String sliceFolder;
  private final String name;
  private final MatchResult.Metadata metadata;

  private SensorFile(
      String topicFolder, String sliceFolder, String name, MatchResult.Metadata metadata) {
    this.topicFolder = topicFolder;
    this.sliceFolder = sliceFolder;
    this.name = name;
    this.metadata = metadata;
  }

  /**
   * The input file a listing of {@code <input>/*}{@code /*}{@code /*} matched, or empty when it is
   * not data: a name at any of the three levels starts with {@code _} or {@code .} (hidden or
   * bookkeeping files, such as the end-of-stream marker or a dead-letter folder).
   */
  public static Optional<SensorFile> fromMatch(MatchResult.Metadata metadata) {
    String[] segments = metadata.resourceId().toString().split("/");
    if (segments.length < 3) {
      return Optional.empty();
    }
    String topic = segments[segments.length - 3];
    String slice = segments[segments.length - 2];
    String name = segments[segments.length - 1];
    if (StreamLayout.isHidden(topic)
        || StreamLayout.isHidden(slice)
        || StreamLayout.isHidden(name)) {
      return Optional.empty();
    }
    return Optional.of(new SensorFile(topic, slice, name, metadata));
  }

  /**
   * Where the file really is, when it is on the local file system and a symbolic link (of the file
   * or of its slice or topic folder) takes it outside its input folder; empty otherwise. Such a
   * file is not the replay's: reading it would let a link pull any file of the machine into the
   * outputs.
   */
  public Optional<Path> linkedOutsideInput() {
    ResourceId id = metadata.resourceId();
    if (!"file".equals(id.getScheme())) {
      return Optional.empty();
    }
    Path file = Paths.get(id.toString());
    Path input = file.getParent().getParent().getParent();
    try {
      Path real = file.toRealPath();
      return real.startsWith(input.toRealPath()) ? Optional.empty() : Optional.of(real);
    } catch (IOException e) {
      // Gone or unreadable: the read that follows reports it.
      return Optional.empty();
    }
  }

  /** {@code <topic>/<slice>/<name>}: how checkpoint marks and logs name the file. */
  public String relativePath() {
    return topicFolder + "/" + sliceFolder + "/" + name;
  }

  public String topicFolder() {
    return topicFolder;
  }

  public String sliceFolder() {
    return sliceFolder;
  }

  public String name() {
    return name;
  }

  public MatchResult.Metadata metadata() {
    return metadata;
  }

  public Optional<Topic> topic() {
    return Topic.forFolder(topicFolder);
  }

  public Optional<SliceTime> slice() {
    return SliceTime.parse(sliceFolder);
  }

  @Override
  public int compareTo(SensorFile other) {
    return PUBLICATION_ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SensorFile that && relativePath().equals(that.relativePath());
  }

  @Override
  public int hashCode() {
    return relativePath().hashCode();
  }

  @Override
  public String toString() {
    return metadata.resourceId().toString();
  }
}

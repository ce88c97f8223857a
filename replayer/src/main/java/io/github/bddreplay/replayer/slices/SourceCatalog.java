package io.github.bddreplay.replayer.slices;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.replayer.storage.Location;
import io.github.bddreplay.replayer.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a source folder holds: {@code <topic>/t=NNN.N/*.parquet}. Names starting with {@code _} or
 * {@code .} are bookkeeping (Spark's {@code _SUCCESS}, checksum files) and pass unremarked; any
 * other unexpected entry is reported through {@code warnings} and left out, so one stray file never
 * stops the rest from being replayed.
 */
public final class SourceCatalog {
  private final Location root;
  private final Map<String, List<Slice>> slicesByTopic;

  private SourceCatalog(Location root, Map<String, List<Slice>> slicesByTopic) {
    this.root = root;
    this.slicesByTopic = slicesByTopic;
  }

  /**
   * Scans {@code root}, a local folder or one on a Hadoop file system.
   *
   * @throws BadInputException if the folder is missing or holds no slice at all
   */
  public static SourceCatalog scan(Location root, Consumer<String> warnings) {
    Storage storage = root.storage();
    if (!isDirectory(storage, root.path())) {
      throw new BadInputException("source folder " + root + " does not exist or is not a folder");
    }
    Map<String, List<Slice>> slicesByTopic = new TreeMap<>();
    for (Path topicDir : list(storage, root.path())) {
      String topic = topicDir.getFileName().toString();
      if (StreamLayout.isHidden(topic)) {
        continue;
      }
      if (!isDirectory(storage, topicDir)) {
        warnings.accept(storage.describe(topicDir) + ": not a topic folder, ignored");
        continue;
      }
      List<Slice> slices = scanTopic(storage, topic, topicDir, warnings);
      if (slices.isEmpty()) {
        warnings.accept(
            storage.describe(topicDir)
                + ": no t=NNN.N slice folder with Parquet files, topic ignored");
      } else {
        slicesByTopic.put(topic, slices);
      }
    }
    if (slicesByTopic.isEmpty()) {
      throw new BadInputException(
          "source folder " + root + " holds no <topic>/t=NNN.N/*.parquet slices");
    }
    return new SourceCatalog(root, slicesByTopic);
  }

  private static List<Slice> scanTopic(
      Storage storage, String topic, Path topicDir, Consumer<String> warnings) {
    List<Slice> slices = new ArrayList<>();
    for (Path sliceDir : list(storage, topicDir)) {
      String name = sliceDir.getFileName().toString();
      if (StreamLayout.isHidden(name)) {
        continue;
      }
      Optional<SliceTime> time = SliceTime.parse(name);
      if (time.isEmpty() || !isDirectory(storage, sliceDir)) {
        warnings.accept(storage.describe(sliceDir) + ": not a slice folder named t=NNN.N, ignored");
        continue;
      }
      List<Path> files = new ArrayList<>();
      for (Path file : list(storage, sliceDir)) {
        String fileName = file.getFileName().toString();
        if (StreamLayout.isHidden(fileName)) {
          continue;
        }
        if (!fileName.endsWith(".parquet") || !isRegularFile(storage, file)) {
          warnings.accept(storage.describe(file) + ": not a .parquet file, ignored");
          continue;
        }
        files.add(file);
      }
      if (!files.isEmpty()) {
        slices.add(new Slice(topic, time.get(), sliceDir, files));
      }
    }
    slices.sort(Comparator.comparing(Slice::time));
    return slices;
  }

  private static List<Path> list(Storage storage, Path dir) {
    try {
      return storage.list(dir);
    } catch (IOException e) {
      throw new BadInputException("cannot list " + storage.describe(dir) + ": " + e, e);
    }
  }

  private static boolean isDirectory(Storage storage, Path path) {
    try {
      return storage.isDirectory(path);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + storage.describe(path) + ": " + e, e);
    }
  }

  private static boolean isRegularFile(Storage storage, Path path) {
    try {
      return storage.isRegularFile(path);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + storage.describe(path) + ": " + e, e);
    }
  }

  public Location root() {
    return root;
  }

  /** Where the slices' files are. */
  public Storage storage() {
    return root.storage();
  }

  public List<String> topics() {
    return List.copyOf(slicesByTopic.keySet());
  }

  public List<Slice> slices(String topic) {
    return slicesByTopic.get(topic);
  }

  /** Every slice of every topic, in time order (topics in name order at equal times). */
  public List<Slice> slicesInTimeOrder() {
    return slicesByTopic.values().stream()
        .flatMap(List::stream)
        .sorted(Comparator.comparing(Slice::time).thenComparing(Slice::topic))
        .toList();
  }

  /** Latest slice time over all topics. */
  public SliceTime lastTime() {
    return slicesByTopic.values().stream()
        .map(slices -> slices.get(slices.size() - 1).time())
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}

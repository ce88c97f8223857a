package io.github.bddreplay.replayer.slices;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a source folder holds: {@code <topic>/t=NNN.N/*.parquet}. Names starting with {@code _} or
 * {@code .} are bookkeeping (Spark's {@code _SUCCESS}, checksum files) and pass unremarked; any
 * other unexpected entry is reported through {@code warnings} and left out, so one stray file never
 * stops the rest from being replayed.
 */
public final class SourceCatalog {
  private final Path root;
  private final Map<String, List<Slice>> slicesByTopic;

  private SourceCatalog(Path root, Map<String, List<Slice>> slicesByTopic) {
    this.root = root;
    this.slicesByTopic = slicesByTopic;
  }

  /**
   * Scans {@code root}.
   *
   * @throws BadInputException if the folder is missing or holds no slice at all
   */
  public static SourceCatalog scan(Path root, Consumer<String> warnings) {
    if (!Files.isDirectory(root)) {
      throw new BadInputException("source folder " + root + " does not exist or is not a folder");
    }
    Map<String, List<Slice>> slicesByTopic = new TreeMap<>();
    for (Path topicDir : list(root)) {
      String topic = topicDir.getFileName().toString();
      if (StreamLayout.isHidden(topic)) {
        continue;
      }
      if (!Files.isDirectory(topicDir)) {
        warnings.accept(topicDir + ": not a topic folder, ignored");
        continue;
      }
      List<Slice> slices = scanTopic(topic, topicDir, warnings);
      if (slices.isEmpty()) {
        warnings.accept(topicDir + ": no t=NNN.N slice folder with Parquet files, topic ignored");
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

  private static List<Slice> scanTopic(String topic, Path topicDir, Consumer<String> warnings) {
    List<Slice> slices = new ArrayList<>();
    for (Path sliceDir : list(topicDir)) {
      String name = sliceDir.getFileName().toString();
      if (StreamLayout.isHidden(name)) {
        continue;
      }
      Optional<SliceTime> time = SliceTime.parse(name);
      if (time.isEmpty() || !Files.isDirectory(sliceDir)) {
        warnings.accept(sliceDir + ": not a slice folder named t=NNN.N, ignored");
        continue;
      }
      List<Path> files = new ArrayList<>();
      for (Path file : list(sliceDir)) {
        String fileName = file.getFileName().toString();
        if (StreamLayout.isHidden(fileName)) {
          continue;
        }
        if (!fileName.endsWith(".parquet") || !Files.isRegularFile(file)) {
          warnings.accept(file + ": not a .parquet file, ignored");
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

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  public Path root() {
    return root;
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

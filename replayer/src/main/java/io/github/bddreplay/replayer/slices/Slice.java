package io.github.bddreplay.replayer.slices;

import io.github.bddreplay.contract.SliceTime;
import java.nio.file.Path;
import java.util.List;

/** The Parquet files of one topic recorded at one slice time. */
public record Slice(String topic, SliceTime time, Path folder, List<Path> files) {
  public Slice {
    files = List.copyOf(files);
  }
}

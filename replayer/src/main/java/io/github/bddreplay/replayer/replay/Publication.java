package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.SliceTime;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Source files that appear together in {@code input/<topic>/<slice>/} as one Parquet file.
 *
 * @param loop which pass over the data set (0 for the first)
 * @param slice the slice time in the replayed stream: the source slice shifted by the loops before
 * @param dueSeconds replay seconds after the replay began at which the file is due
 * @param delaySeconds how much of {@code dueSeconds} is deliberate lateness
 * @param startMicros the event time, in epoch microseconds, of offset 0 in this loop
 * @param sequence the publication's number within its slice folder, for a unique file name
 */
public record Publication(
    int loop,
    String topic,
    SliceTime slice,
    double dueSeconds,
    double delaySeconds,
    long startMicros,
    int sequence,
    List<Path> files) {
  public Publication {
    files = List.copyOf(files);
  }

  public boolean isLate() {
    return delaySeconds > 0;
  }

  /**
   * {@code <topic>/<slice>/p<sequence>-<run id>.parquet}: where this publication appears under
   * {@code input/}, and the name the pipelines' dead letters give it.
   */
  public String inputName(String runId) {
    return topic
        + "/"
        + slice.folderName()
        + "/"
        + String.format(Locale.ROOT, "p%03d-%s.parquet", sequence, runId);
  }
}

package io.github.bddreplay.pipelines.source;

import java.util.List;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Where one micro-batch of a {@link SensorFilesReader} ended, relative to where it began: the files
 * it finished, and the mark taken at its end without the list of every file read, which each mark
 * holds in full. With the mark the batch began at, that is enough to read the batch again ({@link
 * SensorFilesReader#replaying}) and to rebuild the mark it ended at ({@link #markAfter}), at the
 * cost of a few names per batch.
 *
 * @param finishedInBatch the files read to their end (or dead-lettered) in the batch, in order
 * @param endMark the mark taken at the end of the batch, with no finished files
 */
record BatchEnd(List<String> finishedInBatch, SensorFilesCheckpointMark endMark) {

  /** The mark the batch ended at, given the one it began at. */
  SensorFilesCheckpointMark markAfter(SensorFilesCheckpointMark start) {
    TreeSet<String> finished = new TreeSet<>(start.finishedFiles());
    finished.addAll(finishedInBatch);
    return endMark.withFinishedFiles(finished);
  }

  @Nullable String fileInProgress() {
    return endMark.fileInProgress();
  }

  FilePosition position() {
    return endMark.position();
  }

  Instant reportedWatermark() {
    return endMark.reportedWatermark();
  }
}

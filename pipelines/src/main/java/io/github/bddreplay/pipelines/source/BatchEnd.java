package io.github.bddreplay.pipelines.source;

import java.util.List;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Where one micro-batch of a {@link SensorFilesReader} ended, relative to where it began: the
 * files it finished, and the rest of the mark taken at its end. With the mark it began at, that is
 * enough to read the batch again ({@link SensorFilesReader#replaying}) and to rebuild the mark it
 * ended at ({@link #markAfter}), while costing a few names per batch instead of the whole list of
 * files read that every mark holds.
 */
record BatchEnd(
    List<String> finishedInBatch,
    @Nullable String fileInProgress,
    FilePosition position,
    Instant maxEventTime,
    Instant reportedWatermark,
    Instant lastNewFile,
    @Nullable Instant drainedAt,
    boolean endOfStream) {

  /** The mark the batch ended at, given the one it began at. */
  SensorFilesCheckpointMark markAfter(SensorFilesCheckpointMark start) {
    TreeSet<String> finished = new TreeSet<>(start.finishedFiles());
    finished.addAll(finishedInBatch);
    return new SensorFilesCheckpointMark(
        start.lineage(),
        start.batch() + 1,
        finished,
        fileInProgress,
        position,
        maxEventTime,
        reportedWatermark,
        lastNewFile,
        drainedAt,
        endOfStream);
  }
}

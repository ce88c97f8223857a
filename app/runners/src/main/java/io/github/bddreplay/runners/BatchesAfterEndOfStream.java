package io.github.bddreplay.runners;

import java.util.function.BooleanSupplier;
import org.apache.spark.streaming.api.java.JavaStreamingListener;
import org.apache.spark.streaming.api.java.JavaStreamingListenerBatchCompleted;
import org.apache.spark.streaming.api.java.JavaStreamingListenerBatchSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts Spark micro-batches as they complete, and how many completed after the end of stream was
 * first seen; also the records they carry. Runs on Spark's listener bus, one event at a time, so
 * the check of the end-of-stream condition and the counting happen in batch order; the run loop
 * only reads the totals. Keep it cheap: Beam's watermark advance runs on the same bus after it.
 */
final class BatchesAfterEndOfStream extends JavaStreamingListener {
  private static final Logger LOG = LoggerFactory.getLogger(BatchesAfterEndOfStream.class);

  private final BooleanSupplier endOfStreamReached;
  private volatile long batchesCompleted;

  /** The runner reads a micro-batch's records when it submits the batch, not when it runs it. */
  private volatile long recordsSubmitted;

  private volatile long recordsProcessed;
  private volatile long lastBatchTimeMillis;

  /** Batches completed since the end of stream was first seen; -1 before that. */
  private volatile long batchesSinceEnd = -1;

  /** The longest a batch waited for the one before it, from a batch before the end on. */
  private volatile long maxSchedulingDelayAtEndMillis;

  private volatile long lastSchedulingDelayMillis;

  BatchesAfterEndOfStream(BooleanSupplier endOfStreamReached) {
    this.endOfStreamReached = endOfStreamReached;
  }

  @Override
  public void onBatchSubmitted(JavaStreamingListenerBatchSubmitted submitted) {
    recordsSubmitted += submitted.batchInfo().numRecords();
  }

  @Override
  public void onBatchCompleted(JavaStreamingListenerBatchCompleted completed) {
    batchesCompleted++;
    recordsProcessed += completed.batchInfo().numRecords();
    lastBatchTimeMillis = completed.batchInfo().batchTime().milliseconds();
    long schedulingDelay = completed.batchInfo().schedulingDelay();
    if (batchesSinceEnd >= 0) {
      batchesSinceEnd++;
      maxSchedulingDelayAtEndMillis = Math.max(maxSchedulingDelayAtEndMillis, schedulingDelay);
    } else if (endOfStreamReached.getAsBoolean()) {
      batchesSinceEnd = 0;
      maxSchedulingDelayAtEndMillis = Math.max(lastSchedulingDelayMillis, schedulingDelay);
      LOG.info(
          "End of stream seen when micro-batch {} (batch time {}) completed",
          batchesCompleted,
          lastBatchTimeMillis);
    }
    lastSchedulingDelayMillis = schedulingDelay;
  }

  /**
   * How long micro-batches waited for their predecessor around the end of stream (from the batch
   * before it was seen until now), the most of any.
   */
  long maxSchedulingDelayAtEndMillis() {
    return maxSchedulingDelayAtEndMillis;
  }

  long batchesCompleted() {
    return batchesCompleted;
  }

  long recordsProcessed() {
    return recordsProcessed;
  }

  /** Records read into micro-batches that have not completed yet. */
  long recordsWaiting() {
    return recordsSubmitted - recordsProcessed;
  }

  /** -1 until the end of stream was seen, then the number of batches completed since. */
  long batchesSinceEnd() {
    return batchesSinceEnd;
  }

  @Override
  public String toString() {
    return batchesCompleted
        + " micro-batches completed, "
        + recordsProcessed
        + " records processed ("
        + recordsWaiting()
        + " waiting), "
        + (batchesSinceEnd < 0
            ? "end of stream not seen"
            : batchesSinceEnd + " batches completed since end of stream");
  }
}

package io.github.bddreplay.runners;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.streaming.util.WriteAheadLog;
import org.apache.spark.streaming.util.WriteAheadLogRecordHandle;

/**
 * The driver's write-ahead log of received blocks, for a streaming job without receivers: it keeps
 * nothing, because there is nothing to keep.
 *
 * <p>Spark Streaming logs which receiver blocks each micro-batch was given, in a write-ahead log
 * under the checkpoint folder, so that a restored job can hand the same blocks to the same batches.
 * Beam's Spark runner has no receivers (its source DStream reads the Beam source itself and
 * checkpoints its own marks), so every record of that log is an empty allocation. Spark's default
 * log also fails on every graceful stop: the receiver tracker closes it before the job generator
 * has generated its last batches, and each of those batches logs an {@code IllegalStateException}
 * ("close() was called on BatchedWriteAheadLog before write request ... could be fulfilled") at
 * WARN, under any logging configuration. With this log there is nothing to close early.
 */
public final class NoReceiversWriteAheadLog extends WriteAheadLog {
  /** Spark's setting naming the driver's log class; batching must be off, or it wraps this one. */
  static final String CLASS_KEY = "spark.streaming.driver.writeAheadLog.class";

  static final String BATCHING_KEY = "spark.streaming.driver.writeAheadLog.allowBatching";

  @Override
  public WriteAheadLogRecordHandle write(ByteBuffer record, long time) {
    return new Nothing();
  }

  @Override
  public ByteBuffer read(WriteAheadLogRecordHandle handle) {
    throw new IllegalStateException(
        "this job has no receivers, so its write-ahead log holds no records");
  }

  @Override
  public Iterator<ByteBuffer> readAll() {
    return Collections.emptyIterator();
  }

  @Override
  public void clean(long threshTime, boolean waitForCompletion) {}

  @Override
  public void close() {}

  private static final class Nothing extends WriteAheadLogRecordHandle {
    private static final long serialVersionUID = 1L;
  }
}

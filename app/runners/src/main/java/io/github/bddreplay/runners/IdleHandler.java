package io.github.bddreplay.runners;

import org.joda.time.Duration;

/**
 * Called by {@link StreamingRun} when the running pipeline has made no progress for the configured
 * idle timeout: no counter changed and, on Spark, no record was processed and none is waiting in a
 * submitted micro-batch. A stream that waits for a replayer which died before writing its
 * end-of-stream marker looks like this. On the DirectRunner counters are all there is to see, so a
 * pipeline should count what its source reads.
 */
@FunctionalInterface
public interface IdleHandler {

  /** What to do about a pipeline that has been idle for a while. */
  enum Decision {
    /** Keep running; the handler is asked again after another idle timeout without progress. */
    KEEP_WAITING,
    /** Stop gracefully and return a result in state {@code STOPPED}: the output is incomplete. */
    STOP,
    /** Stop gracefully and throw {@link StreamingRunTimeoutException}. */
    FAIL
  }

  /**
   * @param idleFor how long nothing has moved
   * @param progress a one-line account of how far the stream got, for logs and messages
   */
  Decision onIdle(Duration idleFor, String progress);
}

package io.github.bddreplay.runners;

/**
 * A {@link StreamingRun} gave up: the overall timeout passed, or an {@link IdleHandler} decided to
 * fail. The pipeline has been stopped when this is thrown; the message says which limit was hit and
 * how far the stream had got.
 */
public final class StreamingRunTimeoutException extends RuntimeException {
  StreamingRunTimeoutException(String message) {
    super(message);
  }
}

package io.github.bddreplay.pipelines.source;

/**
 * A sensor file that cannot be read, or not all of it: the message is the reason in one line
 * (without the path, which the dead-letter entry and log line add).
 */
public class BadSensorFileException extends Exception {
  public BadSensorFileException(String reason) {
    super(reason);
  }

  public BadSensorFileException(String reason, Throwable cause) {
    super(reason, cause);
  }
}

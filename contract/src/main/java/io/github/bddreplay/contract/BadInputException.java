package io.github.bddreplay.contract;

/**
 * Input or settings that the tools cannot work with. The message is meant for the user as it is:
 * one line naming the file or folder and the problem, shown without a stack trace.
 */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.github.bddreplay.replayer.parquet;

import java.io.IOException;

/** A Parquet file that is readable but whose schema is not the one it must have. */
public final class WrongSchemaException extends IOException {
  /**
   * @param difference how the file's schema differs, in words
   */
  public WrongSchemaException(String difference) {
    super(difference);
  }

  /** How the file's schema differs, in words. */
  public String difference() {
    return getMessage();
  }
}

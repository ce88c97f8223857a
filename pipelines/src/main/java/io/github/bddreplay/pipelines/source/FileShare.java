package io.github.bddreplay.pipelines.source;

import java.io.Serializable;

/**
 * Which files of the input folder one split of {@link SensorFilesSource} reads: those whose
 * relative path hashes to its index. {@link String#hashCode()} is fixed by the language, so a file
 * belongs to the same split in every JVM and after every restore, and the shares of a split source
 * are disjoint and cover every file.
 *
 * @param index this split's share, {@code 0 <= index < count}
 * @param count how many splits share the files
 */
record FileShare(int index, int count) implements Serializable {
  /** Every file: the source unsplit. */
  static final FileShare ALL = new FileShare(0, 1);

  FileShare {
    if (count <= 0 || index < 0 || index >= count) {
      throw new IllegalArgumentException("no share " + index + " of " + count);
    }
  }

  boolean owns(String relativePath) {
    return Math.floorMod(relativePath.hashCode(), count) == index;
  }

  @Override
  public String toString() {
    return count == 1 ? "all files" : "share " + (index + 1) + " of " + count;
  }
}

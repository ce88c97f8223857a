package io.github.bddreplay.pipelines.source;

/**
 * How far a file has been read: the records consumed (emitted or skipped), and of those the rows
 * skipped for lack of an event time and the rows dropped as too late. Restoring a reader at a
 * position skips exactly {@code records} records and keeps counting from the saved counts.
 */
public record FilePosition(long records, long rowsWithoutEventTime, long tooLateRows) {
  public static final FilePosition START = new FilePosition(0, 0, 0);

  public FilePosition {
    if (records < 0 || rowsWithoutEventTime < 0 || tooLateRows < 0) {
      throw new IllegalArgumentException("negative file position: " + records);
    }
    if (rowsWithoutEventTime + tooLateRows > records) {
      throw new IllegalArgumentException(
          "more rows skipped ("
              + (rowsWithoutEventTime + tooLateRows)
              + ") than read ("
              + records
              + ")");
    }
  }
}

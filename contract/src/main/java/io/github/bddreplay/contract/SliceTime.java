package io.github.bddreplay.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of a slice folder, {@code t=052.5}: seconds since the start of the recording, to a tenth
 * of a second. Kept in whole tenths so that ordering, shifting and naming are exact.
 */
public record SliceTime(long tenths) implements Comparable<SliceTime> {
  private static final Pattern NAME = Pattern.compile("t=(\\d+)\\.(\\d)");

  public SliceTime {
    if (tenths < 0) {
      throw new IllegalArgumentException("slice time must not be negative: " + tenths);
    }
  }

  /**
   * The time named by a folder such as {@code t=052.5}, or empty if the name is not of that form.
   */
  public static Optional<SliceTime> parse(String folderName) {
    Matcher m = NAME.matcher(folderName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SliceTime(Long.parseLong(m.group(1)) * 10 + Long.parseLong(m.group(2))));
  }

  public double seconds() {
    return tenths / 10.0;
  }

  public SliceTime plus(long otherTenths) {
    return new SliceTime(tenths + otherTenths);
  }

  /**
   * The folder name: {@code t=} and the seconds with one decimal, at least three integer digits.
   */
  public String folderName() {
    return String.format("t=%03d.%d", tenths / 10, tenths % 10);
  }

  @Override
  public int compareTo(SliceTime other) {
    return Long.compare(tenths, other.tenths);
  }

  @Override
  public String toString() {
    return folderName();
  }
}

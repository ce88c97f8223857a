package io.github.bddreplay.pipelines.sinks;

import java.util.Locale;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;

/**
 * Names a window's file after the window and the rows it holds, e.g. {@code
 * window-20261124T153015Z-20261124T153030Z-3f2a9c0d1e4b5a6f7081928374655647.parquet}. The basic ISO
 * format keeps ':' out of names (Hadoop's {@code Path} cannot read it back) and still sorts by
 * time; the content digest makes a name that says which rows the file holds, so writing the same
 * rows again, as a re-run task does, replaces the file rather than adding a copy.
 */
public final class WindowFileNaming {

  private static final DateTimeFormatter BASIC_UTC =
      DateTimeFormat.forPattern("yyyyMMdd'T'HHmmss'Z'").withZoneUTC();

  private WindowFileNaming() {}

  /** The finished file's name: window bounds to the second, then the rows' digest. */
  public static String fileName(IntervalWindow window, String rowsDigest, String suffix) {
    return String.format(
        Locale.ROOT,
        "window-%s-%s-%s%s",
        basicUtc(window.start()),
        basicUtc(window.end()),
        rowsDigest,
        suffix);
  }

  private static String basicUtc(Instant instant) {
    return BASIC_UTC.print(instant);
  }
}

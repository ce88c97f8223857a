package io.github.bddreplay.pipelines.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.bddreplay.contract.StreamLayout;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WindowFileNamingTest {
  private static final IntervalWindow WINDOW =
      new IntervalWindow(
          Instant.parse("2026-11-24T15:30:15Z"), Instant.parse("2026-11-24T15:30:30Z"));

  @Test
  void namesTheWindowInBasicUtcThenTheDigest() {
    assertEquals(
        "window-20261124T153015Z-20261124T153030Z-0123abcd.parquet",
        WindowFileNaming.fileName(WINDOW, "0123abcd", ".parquet"));
  }

  @Test
  void namesHaveNoColonThatHadoopPathsCannotRead() {
    assertFalse(WindowFileNaming.fileName(WINDOW, "0123abcd", ".parquet").contains(":"));
  }

  @Test
  void namesSortByWindowStart() {
    IntervalWindow next = new IntervalWindow(WINDOW.end(), WINDOW.end().plus(15_000));
    assertEquals(
        -1,
        Integer.signum(
            WindowFileNaming.fileName(WINDOW, "ffff", ".parquet")
                .compareTo(WindowFileNaming.fileName(next, "0000", ".parquet"))));
  }

  @Test
  void filesBeingWrittenAreHiddenFromReaders() {
    assertEquals('.', StreamLayout.IN_PROGRESS_PREFIX.charAt(0));
  }
}

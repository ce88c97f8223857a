package io.github.bddreplay.pipelines.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WindowPaneFileNamingTest {
  private static final IntervalWindow WINDOW =
      new IntervalWindow(
          Instant.parse("2026-11-24T15:30:15Z"), Instant.parse("2026-11-24T15:30:30Z"));
  private static final PaneInfo THIRD_LATE_PANE =
      PaneInfo.createPane(false, false, Timing.LATE, 3, 1);
  private final WindowPaneFileNaming naming = new WindowPaneFileNaming(".parquet");

  @Test
  void namesTheWindowInBasicUtcThePaneAndTheShard() {
    assertEquals(
        "window-20261124T153015Z-20261124T153030Z-pane-003-00000-of-00001.parquet",
        naming.getFilename(WINDOW, THIRD_LATE_PANE, 1, 0, Compression.UNCOMPRESSED));
  }

  @Test
  void namesHaveNoColonThatHadoopPathsCannotRead() {
    assertFalse(
        naming.getFilename(WINDOW, THIRD_LATE_PANE, 1, 0, Compression.UNCOMPRESSED).contains(":"));
  }

  @Test
  void everyPaneAndShardGetsItsOwnName() {
    PaneInfo fourthPane = PaneInfo.createPane(false, false, Timing.LATE, 4, 2);
    String name = WindowPaneFileNaming.fileName(WINDOW, 3, 0, 2);

    assertNotEquals(name, WindowPaneFileNaming.fileName(WINDOW, 4, 0, 2));
    assertNotEquals(name, WindowPaneFileNaming.fileName(WINDOW, 3, 1, 2));
    assertNotEquals(
        naming.getFilename(WINDOW, THIRD_LATE_PANE, 1, 0, Compression.UNCOMPRESSED),
        naming.getFilename(WINDOW, fourthPane, 1, 0, Compression.UNCOMPRESSED));
  }

  @Test
  void fileIoCompressionAddsItsSuffix() {
    assertEquals(
        "window-20261124T153015Z-20261124T153030Z-pane-003-00000-of-00001.parquet.gz",
        naming.getFilename(WINDOW, THIRD_LATE_PANE, 1, 0, Compression.GZIP));
  }

  @Test
  void refusesWindowsWithoutBounds() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                naming.getFilename(
                    GlobalWindow.INSTANCE, THIRD_LATE_PANE, 1, 0, Compression.UNCOMPRESSED));
    assertEquals(
        "windowed files need interval windows to be named, got " + GlobalWindow.INSTANCE,
        error.getMessage());
  }
}

package io.github.bddreplay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillScenarioTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
  private static final List<PublishedFile> PUBLISHED =
      List.of(
          new PublishedFile("locations", "t=000.0", Path.of("l0.parquet"), 3, T, T),
          new PublishedFile("accelerations", "t=000.0", Path.of("a0.parquet"), 150, T, T),
          new PublishedFile("locations", "t=002.5", Path.of("l1.parquet"), 4, T, T));

  @Test
  void windowedIsMeasuredOnTheLocationsItReadsOthersOnBothTopics() {
    assertEquals(7, BackfillScenario.rowsOfTopicsRead(PUBLISHED, "windowed"));
    assertEquals(157, BackfillScenario.rowsOfTopicsRead(PUBLISHED, "simple"));
    assertEquals(157, BackfillScenario.rowsOfTopicsRead(PUBLISHED, "stream-joined"));
  }
}

package io.github.bddreplay.pipelines.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineOutputTest {
  @TempDir Path root;

  @Test
  void eachOutputHasItsOwnFolderUnderTheRoot() {
    String base = root.toAbsolutePath().toString();

    assertEquals(base + "/simple/locations/", PipelineOutput.SIMPLE_LOCATIONS.directoryUnder(base));
    assertEquals(
        base + "/simple/accelerations/", PipelineOutput.SIMPLE_ACCELERATIONS.directoryUnder(base));
    assertEquals(base + "/windowed/", PipelineOutput.WINDOWED.directoryUnder(base));
    assertEquals(base + "/stream-joined/", PipelineOutput.STREAM_JOINED.directoryUnder(base));
  }

  @Test
  void rootMayEndWithASeparator() {
    String base = root.toAbsolutePath().toString();

    assertEquals(base + "/windowed/", PipelineOutput.WINDOWED.directoryUnder(base + "/"));
  }
}

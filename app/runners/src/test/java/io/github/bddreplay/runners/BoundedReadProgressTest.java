package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.pipelines.source.SensorSourceMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.MetricName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedReadProgressTest {
  @TempDir Path input;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Two location files, one acceleration file, one in a folder that is no topic, and no data. */
  @BeforeEach
  void folder() throws IOException {
    for (String file :
        List.of(
            "locations/t=000.0/car-a.parquet",
            "locations/t=001.0/car-a.parquet",
            "accelerations/t=000.0/car-a.parquet",
            "weather/t=000.0/car-a.parquet",
            "locations/t=000.0/.car-b.parquet.tmp",
            "_errors/t=000.0/car-c.txt",
            "_REPLAY_COMPLETE")) {
      Files.createDirectories(input.resolve(file).getParent());
      Files.createFile(input.resolve(file));
    }
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static Map<MetricName, Long> counters(long filesRead, long badFiles) {
    return Map.of(
        MetricName.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.FILES_READ), filesRead,
        MetricName.named(SensorSourceMetrics.NAMESPACE, SensorSourceMetrics.BAD_FILES), badFiles);
  }

  @Test
  void countsTheFilesOfTheTopicsReadAndThoseInNoTopicAsDoneOnceReadOrBad() throws IOException {
    try (BoundedReadProgress progress =
        BoundedReadProgress.start(input.toString(), EnumSet.of(Topic.LOCATIONS), true, out)) {
      progress.accept(counters(2, 1));
    }

    List<String> lines = lines();
    assertThat(lines.get(0), startsWith("backfill: 0/3 files read (0%), "));
    assertThat(
        lines.get(lines.size() - 1), startsWith("backfill: 3/3 files read (100%), done in "));
  }

  @Test
  void withCountersThatGrowOnlyAsTasksEndThereIsNoPercentage() throws IOException {
    try (BoundedReadProgress progress =
        BoundedReadProgress.start(input.toString(), EnumSet.allOf(Topic.class), false, out)) {
      progress.accept(counters(4, 0));
    }

    List<String> lines = lines();
    assertThat(lines.get(0), startsWith("backfill: 0 of 4 files read, "));
    assertThat(lines.get(lines.size() - 1), startsWith("backfill: 4 of 4 files read, done in "));
  }

  @Test
  void theNoteSaysWhatIsNotMeasured() {
    assertThat(
        BoundedReadProgress.note(3, 10, true), is("then grouping and writing, not measured"));
    assertThat(
        BoundedReadProgress.note(3, 10, false), is("counted only as the runner's tasks end"));
    assertThat(
        BoundedReadProgress.note(10, 10, false),
        is("all read; grouping and writing, not measured"));
  }
}

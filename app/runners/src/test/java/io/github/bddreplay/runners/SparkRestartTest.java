package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.io.FileSystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkRestartTest {
  @TempDir Path dir;

  @Test
  void findsSparksCheckpointAndDiscardsIt() throws IOException {
    SensorPipelinesOptions options = options();
    assertThat(SparkRestart.checkpointOf(options), is(Optional.empty()));

    Path checkpoint = dir.resolve("checkpoints/spark-checkpoint/checkpoint-1000");
    touch(checkpoint);
    touch(dir.resolve("checkpoints/beam-checkpoint/source"));
    assertThat(
        SparkRestart.checkpointOf(options),
        is(Optional.of(dir.resolve("checkpoints/spark-checkpoint").toString())));

    SparkRestart.discardCheckpoint(options);
    assertThat(Files.exists(checkpoint), is(false));
    assertThat(Files.exists(dir.resolve("checkpoints/beam-checkpoint/source")), is(false));
    assertThat(SparkRestart.checkpointOf(options), is(Optional.empty()));
  }

  @Test
  void discardsThePipelinesOutputsAndNothingElseInTheOutputFolder() throws IOException {
    SensorPipelinesOptions options = options();
    Path output = dir.resolve("output");
    Path[] ours = {
      output.resolve("simple/locations/window-a.parquet"),
      output.resolve("simple/accelerations/window-b.parquet"),
      output.resolve("windowed/window-c.parquet"),
      output.resolve("windowed/.writing-d.parquet"),
      output.resolve("stream-joined/window-e.parquet"),
      output.resolve("late/windowed/window-f.parquet"),
    };
    for (Path file : ours) {
      touch(file);
    }
    Path theirs = output.resolve("notes.txt");
    Path theirFolder = output.resolve("elsewhere/window-g.parquet");
    touch(theirs);
    touch(theirFolder);

    SparkRestart.discardOutputs(options);

    for (Path file : ours) {
      assertThat(file + " left", Files.exists(file), is(false));
    }
    assertThat(Files.exists(theirs), is(true));
    assertThat(Files.exists(theirFolder), is(true));
  }

  private SensorPipelinesOptions options() {
    SensorPipelinesOptions options =
        RunPipelines.parse(
            "--inputDir=" + dir.resolve("input"),
            "--outputDir=" + dir.resolve("output"),
            "--checkpointDir=" + dir.resolve("checkpoints"));
    FileSystems.setDefaultPipelineOptions(options);
    assertThat(
        options.as(SparkPipelineOptions.class).getCheckpointDir(),
        is(dir.resolve("checkpoints").toString()));
    return options;
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }
}

package io.github.bddreplay.runners;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import io.github.bddreplay.pipelines.sinks.PipelineOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Streaming pipelines on Spark started again with the {@code --checkpointDir} of an interrupted run
 * go on from the input folder, the stream's durable log, not from Spark's checkpoint: restored,
 * Beam 2.70's Spark runner loses the data of the micro-batches in flight at the crash
 * (RUNNER-WORKAROUNDS.md). So the checkpoint is discarded, and so are the outputs the interrupted
 * run wrote, which the new run writes again whole: its final outputs are an uninterrupted run's.
 */
public final class SparkRestart {
  private SparkRestart() {}

  /** Spark's checkpoint folder in the run's {@code --checkpointDir}, if it holds a checkpoint. */
  public static Optional<String> checkpointOf(SensorPipelinesOptions options) throws IOException {
    if (!SparkRunner.class.equals(options.getRunner())) {
      return Optional.empty();
    }
    String folder = checkpointDir(options) + "/spark-checkpoint";
    List<MatchResult.Metadata> checkpoints =
        FileSystems.match(folder + "/checkpoint-*", EmptyMatchTreatment.ALLOW).metadata();
    return checkpoints.isEmpty() ? Optional.empty() : Optional.of(folder);
  }

  /** Deletes what Spark and Beam's Spark runner checkpointed, so the pipelines start afresh. */
  public static void discardCheckpoint(SensorPipelinesOptions options) throws IOException {
    delete(checkpointDir(options) + "/**");
  }

  /**
   * Deletes the files of every pipeline output and of the late rows under {@code --outputDir}, and
   * nothing else there: the output root may be a folder the user shares with other things.
   */
  public static void discardOutputs(SensorPipelinesOptions options) throws IOException {
    for (PipelineOutput output : PipelineOutput.values()) {
      delete(output.directoryUnder(options.getOutputDir()) + "**");
    }
    ResourceId late =
        FileSystems.matchNewResource(options.getOutputDir(), true)
            .resolve(StreamLayout.LATE, StandardResolveOptions.RESOLVE_DIRECTORY);
    delete(late + "**");
  }

  /**
   * The run's {@code --checkpointDir} (an option of the Spark runner's, which every runner here
   * uses), without a trailing separator.
   */
  public static String checkpointDir(SensorPipelinesOptions options) {
    return options.as(SparkPipelineOptions.class).getCheckpointDir().replaceAll("/+$", "");
  }

  private static void delete(String glob) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata file :
        FileSystems.match(glob, EmptyMatchTreatment.ALLOW).metadata()) {
      files.add(file.resourceId());
    }
    FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}

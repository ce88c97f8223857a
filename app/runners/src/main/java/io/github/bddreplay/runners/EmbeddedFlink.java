package io.github.bddreplay.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up a run on the embedded Flink ({@code --flinkMaster=[local]}, profile {@code flink-local}):
 * state kept in files under the run's {@code --checkpointDir} ({@link FlinkCheckpoints}), and a
 * Flink configuration written beside it that registers {@link FlinkJobHandoff} and {@link
 * FlinkSourceCounters} and, when a completed checkpoint is there, restores the job from it.
 *
 * <p>Why a configuration file: Beam applies {@code --savepointPath} only to remote clusters (its
 * FlinkExecutionEnvironments builds the local environment without restore settings), while Flink
 * takes {@code execution.savepoint.path} from the configuration of any environment.
 */
public final class EmbeddedFlink {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlink.class);
  private static final String CONF_FOLDER = "flink-conf";

  private EmbeddedFlink() {}

  /**
   * Adjusts {@code options} in place; returns the checkpoint the job will restore, if any.
   *
   * @param streaming whether the job is submitted detached (streaming) or run to its end
   */
  static Optional<Path> configure(PipelineOptions options, boolean streaming) {
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    String checkpointDir = options.as(SparkPipelineOptions.class).getCheckpointDir();
    Optional<Path> restore =
        streaming ? FlinkCheckpoints.latestCompleted(checkpointDir) : Optional.empty();
    List<String> conf = new ArrayList<>();
    conf.add("execution.job-listeners: " + FlinkJobHandoff.class.getName());
    conf.add(
        "metrics.reporter."
            + FlinkSourceCounters.NAME
            + ".factory.class: "
            + FlinkSourceCounters.Factory.class.getName());
    restore.ifPresent(checkpoint -> conf.add("execution.savepoint.path: " + checkpoint.toUri()));
    // A job without a class path of its own gets the JVM's system class loader on Flink's
    // JobManager (BlobLibraryCacheManager), which under `mvn exec:java` holds Maven's launcher, not
    // Flink: the JobManager then failed to load Flink's ExecutionConfig. With any class path it
    // gets a loader whose parent is the one that loaded Flink; an empty folder adds no classes.
    Path confDir = Path.of(checkpointDir, CONF_FOLDER);
    Path emptyClassPath = confDir.resolve("classpath");
    conf.add("pipeline.classpaths: " + emptyClassPath.toAbsolutePath().toUri());
    try {
      Files.createDirectories(emptyClassPath);
      Files.write(confDir.resolve("flink-conf.yaml"), conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Flink's configuration into " + confDir, e);
    }
    flink.setFlinkConfDir(confDir.toAbsolutePath().toString());
    flink.setAttachedMode(!streaming);
    if (streaming) {
      flink.setStateBackend("filesystem");
      flink.setStateBackendStoragePath(FlinkCheckpoints.storage(checkpointDir).toUri().toString());
    }
    restore.ifPresent(checkpoint -> LOG.info("Restoring the Flink job from {}", checkpoint));
    FlinkSourceCounters.reset();
    return restore;
  }
}

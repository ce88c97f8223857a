package io.github.bddreplay.runners;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.coders.SparkRunnerKryoRegistrator;
import org.apache.spark.SparkConf;

/**
 * The settings of the Spark that runs inside our own JVM (tests, laptops, the 2-core CI box), kept
 * in one place so every pipeline main and every test starts Spark the same way.
 *
 * <p>Two halves: {@link #withDefaults} fills in the Beam options a user did not give on the command
 * line, and {@link #sparkConf} builds the {@link SparkConf} that {@link StreamingRun} creates its
 * own {@code JavaSparkContext} from. Owning the context is what lets us switch the UI off, and stop
 * the context (and every non-daemon thread it started) ourselves when the stream is done.
 */
public final class EmbeddedSpark {

  /** The embedded Spark's runner options, from {@code profiles/spark-local.properties}. */
  public static final RunnerProfile PROFILE = RunnerProfile.named(RunnerProfile.DEFAULT);

  /**
   * Beam's floor on how long each micro-batch reads from an unbounded source (default 200 ms). It
   * must stay below the batch interval (the runner refuses to start otherwise), so shorter
   * intervals get half the interval.
   */
  static final long MAX_MIN_READ_TIME_MILLIS = 200;

  /** Batch intervals Spark's graceful stop may wait for the batches in flight. */
  static final long GRACEFUL_STOP_BATCHES = 3;

  /** Where checkpoints go unless {@code --checkpointDir} is given; the repo ignores results/. */
  public static final Path CHECKPOINT_ROOT = Paths.get("results", "spark-checkpoints");

  private EmbeddedSpark() {}

  /**
   * Returns {@code args} plus the embedded defaults for every option the caller did not set: the
   * options of {@link #PROFILE} (Spark runner, master, batch interval, metric sinks off),
   * streaming, a minimum read time below the batch interval, and a fresh checkpoint folder under
   * {@link #CHECKPOINT_ROOT}. The folder must be fresh: Spark resumes a streaming context from
   * whatever checkpoint it finds there, which for a finished replay would restart at end of stream
   * and write nothing.
   */
  public static String[] withDefaults(String... args) {
    String[] withProfile = PROFILE.fillIn(args);
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("streaming", "true");
    defaults.put("checkpointDir", freshCheckpointDir().toString());
    defaults.put(
        "minReadTimeMillis",
        Long.toString(
            minReadTimeMillis(
                parseMillis(
                    "batchIntervalMillis",
                    RunnerProfile.givenValue(withProfile, "batchIntervalMillis")))));

    List<String> merged = new ArrayList<>(Arrays.asList(withProfile));
    defaults.forEach(
        (name, value) -> {
          if (RunnerProfile.givenValue(withProfile, name) == null) {
            merged.add("--" + name + "=" + value);
          }
        });
    return merged.toArray(new String[0]);
  }

  /**
   * The minimum micro-batch read time for a batch interval: Beam's 200 ms, or half the interval.
   */
  static long minReadTimeMillis(long batchIntervalMillis) {
    return Math.min(MAX_MIN_READ_TIME_MILLIS, batchIntervalMillis / 2);
  }

  /**
   * The configuration {@link StreamingRun} starts Spark with. Starts from {@code new SparkConf()},
   * so {@code spark.*} system properties (as spark-submit sets them) win over everything here.
   */
  public static SparkConf sparkConf(SparkPipelineOptions options) {
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.master", options.getSparkMaster());
    conf.setAppName(options.getAppName());
    // As Beam's own SparkContextFactory does: the SDK's immutable collections need it.
    conf.set("spark.kryo.registrator", SparkRunnerKryoRegistrator.class.getName());
    // No web UI (a port and a Jetty thread pool per run) and no progress bar on the console.
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // A run is stopped only once every window is final, and Spark's graceful stop waited out its
    // whole timeout (10 batch intervals) on every run here: a batch or two is enough.
    conf.setIfMissing(
        "spark.streaming.gracefulStopTimeout",
        GRACEFUL_STOP_BATCHES * options.getBatchIntervalMillis() + "ms");
    // Even without the UI, Spark's status store keeps up to 1,000 jobs, 1,000 stages and 100,000
    // tasks and builds a DAG graph for every job; a streaming run starts several jobs per
    // micro-batch, so that is heap held and listener CPU spent for nobody. Keep only what a log
    // line might need.
    conf.setIfMissing("spark.ui.retainedJobs", "50");
    conf.setIfMissing("spark.ui.retainedStages", "100");
    conf.setIfMissing("spark.ui.retainedTasks", "1000");
    conf.setIfMissing("spark.ui.dagGraph.retainedRootRDDs", "0");
    if (options.isStreaming()) {
      // spark.default.parallelism stays Spark's own, one partition per core of the cluster, so
      // that every core takes a share of each grouping. It was 1 here while each sink was a job
      // of its own, whose tasks cost more than their rows; with the sinks merged
      // (WriteWindowedParquet) a second partition no longer costs measurably more CPU
      // (BENCHMARKS.md, "Fewer Spark jobs per micro-batch").
      //
      // Spark Streaming runs one job at a time unless told otherwise, and a micro-batch here is
      // two jobs (WriteWindowedParquet: the copied outputs' sink and the groupings'), so `simple`
      // waited for the join, and each batch for the one before it to finish whole. Two at a time
      // lets them run side by side and the next batch start while the join finishes; a job that
      // needs the state of the batch before waits for its blocks. 1,000 cars at speedup 10:
      // 126-131 -> 93-97 CPU-s, lag growth 2.3 -> 1.2 s/s, every run oracle-equal (BENCHMARKS.md,
      // "Two jobs at a time").
      conf.setIfMissing("spark.streaming.concurrentJobs", "2");
      conf.setIfMissing(
          NoReceiversWriteAheadLog.CLASS_KEY, NoReceiversWriteAheadLog.class.getName());
      conf.setIfMissing(NoReceiversWriteAheadLog.BATCHING_KEY, "false");
    }
    if (conf.get("spark.master").startsWith("local")) {
      // Everything runs in this JVM; binding to loopback avoids depending on the host name
      // resolving, which it does not in every container. Memory, too, is this JVM's heap
      // (spark.driver.memory cannot change it any more): -Xmx decides, 2g in tests.
      conf.setIfMissing("spark.driver.host", "localhost");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }

  private static Path freshCheckpointDir() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return CHECKPOINT_ROOT.resolve(stamp + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static long parseMillis(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number of milliseconds, got '" + value + "'", e);
    }
  }
}

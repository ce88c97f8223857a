package io.github.bddreplay.pipelines.runner;

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

  /** Two cores on the CI box; Spark's default of {@code local[4]} would only add contention. */
  public static final String MASTER = "local[2]";

  /**
   * 500 ms, Beam's own default, chosen by measurement ({@code EndOfStreamToFinalFilesTest}, two
   * cores): a warm micro-batch of a windowed count written to Parquet takes 100-300 ms, the first
   * few in a fresh JVM 0.8-4 s. With 200 ms batches they back up by 1-8 s, the run ends no sooner,
   * and twice in about 35 fresh-JVM runs the last window's final pane was lost (the race
   * SparkStreamingSession warns about). 500 ms backs up by at most ~0.3 s at start-up and
   * not at all at the end; 1 s never backs up but every batch to wait for costs twice as much.
   */
  public static final long BATCH_INTERVAL_MILLIS = 500;

  /**
   * Beam's floor on how long each micro-batch reads from an unbounded source (default 200 ms). It
   * must stay below the batch interval (the runner refuses to start otherwise), so shorter
   * intervals get half the interval.
   */
  static final long MAX_MIN_READ_TIME_MILLIS = 200;

  /** Where checkpoints go unless {@code --checkpointDir} is given; the repo ignores results/. */
  public static final Path CHECKPOINT_ROOT = Paths.get("results", "spark-checkpoints");

  private EmbeddedSpark() {}

  /**
   * Returns {@code args} plus the embedded defaults for every option the caller did not set: Spark
   * runner, {@value #MASTER}, streaming, {@link #BATCH_INTERVAL_MILLIS}, a minimum read time below
   * the batch interval, Spark metric sinks off (nothing listens to them here), and a fresh
   * checkpoint folder under {@link #CHECKPOINT_ROOT}. The folder must be fresh: Spark resumes a
   * streaming context from whatever checkpoint it finds there, which for a finished replay would
   * restart at end of stream and write nothing.
   */
  public static String[] withDefaults(String... args) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("runner", "SparkRunner");
    defaults.put("sparkMaster", MASTER);
    defaults.put("streaming", "true");
    defaults.put("batchIntervalMillis", Long.toString(BATCH_INTERVAL_MILLIS));
    defaults.put("enableSparkMetricSinks", "false");
    defaults.put("checkpointDir", freshCheckpointDir().toString());
    String interval = givenValue(args, "batchIntervalMillis");
    long batchIntervalMillis =
        interval == null ? BATCH_INTERVAL_MILLIS : parseMillis("batchIntervalMillis", interval);
    defaults.put("minReadTimeMillis", Long.toString(minReadTimeMillis(batchIntervalMillis)));

    List<String> merged = new ArrayList<>(Arrays.asList(args));
    defaults.forEach(
        (name, value) -> {
          if (givenValue(args, name) == null) {
            merged.add("--" + name + "=" + value);
          }
        });
    return merged.toArray(new String[0]);
  }

  /** The minimum micro-batch read time for a batch interval: Beam's 200 ms, or half the interval. */
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

  private static String givenValue(String[] args, String name) {
    String flag = "--" + name;
    for (String arg : args) {
      if (arg.equals(flag)) {
        return "true";
      }
      if (arg.startsWith(flag + "=")) {
        return arg.substring(flag.length() + 1);
      }
    }
    return null;
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

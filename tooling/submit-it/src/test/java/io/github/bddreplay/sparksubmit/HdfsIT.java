package io.github.bddreplay.sparksubmit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bddreplay.fixtures.hdfs.LocalHdfs;
import io.github.bddreplay.fixtures.oracle.RealDataAnswer;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.fixtures.restart.LoggedProcess;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.PreparedReplay;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import io.github.bddreplay.replayer.replay.Replayer;
import io.github.bddreplay.replayer.storage.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream on a real HDFS: the real data replayed at speedup 10 into {@code hdfs://}, with a file
 * that is not Parquet among it, while the bundle's pipelines, spark-submitted with {@code --master
 * local[2]} and against a standalone cluster, read their input from there and write their outputs,
 * dead letters and Spark checkpoints there too: on {@code local[2]} by paths on the default file
 * system of a {@code HADOOP_CONF_DIR}, on the cluster by full URIs. The outputs, read back from
 * HDFS, must equal the batch oracle's, and the bad file must be the one dead letter.
 */
class HdfsIT {
  private static final String APP = "io.github.bddreplay.app.BddReplayApp";
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final String BAD_FILE = "locations/t=000.0/zz-not-parquet.parquet";

  /** Backstop only: the job itself gives up after --runTimeoutMinutes. */
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(4);

  @TempDir static Path hdfsDir;
  private static LocalHdfs hdfs;

  @TempDir Path work;
  private SparkHome spark;
  private Path logs;
  private String root;

  @BeforeAll
  static void startHdfs() throws IOException {
    hdfs = LocalHdfs.start(hdfsDir);
  }

  @AfterAll
  static void stopHdfs() {
    hdfs.close();
  }

  @BeforeEach
  void locate(TestInfo test) throws IOException {
    spark = SparkHome.fromBuild();
    RealData.dir();
    String name = test.getTestMethod().orElseThrow().getName();
    logs = Paths.get(SparkHome.property("spark.it.logs")).resolve(name);
    root = "/" + name;
  }

  /** The HDFS named by HADOOP_CONF_DIR, as on a Hadoop client machine: paths without a namenode. */
  @Test
  void localMasterReadsAndWritesHdfs() throws Exception {
    Path conf = Files.createDirectories(work.resolve("hadoop-conf"));
    Files.writeString(
        conf.resolve("core-site.xml"),
        "<configuration><property><name>fs.defaultFS</name><value>"
            + hdfs.uri()
            + "</value></property></configuration>\n");
    replayWhilePipelinesRun("local[2]", List.of(), List.of(), () -> "", conf);
  }

  @Test
  void standaloneClusterReadsAndWritesHdfs() throws Exception {
    try (StandaloneCluster cluster = StandaloneCluster.start(spark, logs)) {
      replayWhilePipelinesRun(
          cluster.masterUrl(),
          List.of("--executor-memory", "1g", "--total-executor-cores", "2"),
          List.of("--profile=spark-standalone"),
          cluster::logTails,
          null);
    }
  }

  private void replayWhilePipelinesRun(
      String master,
      List<String> submitOptions,
      List<String> appOptions,
      Supplier<String> clusterLogs,
      Path hadoopConfDir)
      throws Exception {
    String results = hdfs.url(root + "/results");
    // Named by URI alone, or relative to HADOOP_CONF_DIR's default file system.
    String pipelinesRoot = hadoopConfDir == null ? hdfs.url(root) : "hdfs://" + root;
    ReplayConfig config =
        new ReplayConfig(
            Location.local(RealData.dir()),
            Location.parse(results),
            10,
            START,
            1,
            DisorderPlan.NONE,
            CompressionCodecName.SNAPPY,
            2,
            true,
            false);
    PreparedReplay replay =
        new Replayer(config, ReplayClock.SYSTEM, new PrintStream(OutputStream.nullOutputStream()))
            .prepare();
    publishNotParquet(root + "/results/input/" + BAD_FILE);
    CompletableFuture<ReplaySummary> replaying = BackgroundReplay.start(replay);

    List<String> submit = new ArrayList<>();
    submit.addAll(List.of("--master", master, "--deploy-mode", "client"));
    submit.addAll(List.of("--driver-memory", "1g"));
    submit.addAll(submitOptions);
    submit.addAll(List.of("--class", APP, spark.bundle().toString(), "pipelines"));
    submit.addAll(
        List.of(
            "--inputDir=" + pipelinesRoot + "/results/input",
            "--checkpointDir=" + pipelinesRoot + "/checkpoints",
            "--runTimeoutMinutes=3"));
    submit.addAll(appOptions);
    try (LoggedProcess job =
        LoggedProcess.start(
            "spark-submit",
            spark.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit", submit, hadoopConfDir),
            environment(hadoopConfDir),
            logs.resolve("spark-submit.log"))) {
      int exit = job.waitFor(SUBMIT_TIMEOUT);
      Supplier<String> diagnostics = () -> job.tail() + clusterLogs.get();
      assertEquals(0, exit, () -> "spark-submit exited with " + exit + "\n" + diagnostics.get());
      assertThat(replaying.get().warnings(), is(empty()));

      Path copy = work.resolve("results");
      hdfs.copyOut(root + "/results", copy);
      RealDataAnswer.assertOutputsUnder(copy, START, diagnostics);
      List<Path> deadLetters = filesUnder(copy.resolve("errors"));
      assertThat(deadLetters.toString(), deadLetters, hasSize(1));
      assertThat(
          deadLetters.get(0).toString(),
          copy.resolve("errors").relativize(deadLetters.get(0)),
          is(Path.of(BAD_FILE + ".txt")));
      // Named by its full URI either way: the listing qualifies the paths it finds.
      assertThat(
          Files.readString(deadLetters.get(0)), containsString(results + "/input/" + BAD_FILE));
      assertThat(
          "checkpoints on HDFS",
          hdfs.fileSystem().exists(new org.apache.hadoop.fs.Path(hdfs.url(root + "/checkpoints"))),
          is(true));
    }
  }

  private Map<String, String> environment(Path hadoopConfDir) {
    Map<String, String> environment = new HashMap<>(spark.environment());
    if (hadoopConfDir != null) {
      environment.put("HADOOP_CONF_DIR", hadoopConfDir.toString());
    }
    return environment;
  }

  /** A file that is not Parquet, published as the replayer publishes: written, then renamed. */
  private static void publishNotParquet(String path) throws IOException {
    FileSystem fs = hdfs.fileSystem();
    org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(hdfs.url("/staged-bad-file"));
    try (OutputStream out = fs.create(staged, true)) {
      out.write("not parquet".getBytes(StandardCharsets.US_ASCII));
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(hdfs.url(path));
    fs.mkdirs(target.getParent());
    if (!fs.rename(staged, target)) {
      throw new IOException("cannot publish " + target);
    }
  }

  private static List<Path> filesUnder(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}

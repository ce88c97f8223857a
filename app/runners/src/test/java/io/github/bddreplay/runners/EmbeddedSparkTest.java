package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Paths;
import java.util.List;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class EmbeddedSparkTest {

  @Test
  void fillsInTheEmbeddedDefaults() {
    SparkPipelineOptions options = parse();

    assertThat(options.getRunner(), is((Object) SparkRunner.class));
    assertThat(options.getSparkMaster(), is("local[2]"));
    assertThat(options.isStreaming(), is(true));
    assertThat(
        options.getBatchIntervalMillis(),
        is(Long.parseLong(EmbeddedSpark.PROFILE.option("batchIntervalMillis"))));
    assertThat(options.getMinReadTimeMillis(), is(200L));
    assertThat(options.getEnableSparkMetricSinks(), is(false));
    assertThat(
        Paths.get(options.getCheckpointDir()).getParent(), is(EmbeddedSpark.CHECKPOINT_ROOT));
  }

  @Test
  void whatTheCallerGaveWins() {
    SparkPipelineOptions options =
        parse("--sparkMaster=local[1]", "--batchIntervalMillis=1000", "--checkpointDir=/tmp/x");

    assertThat(options.getSparkMaster(), is("local[1]"));
    assertThat(options.getBatchIntervalMillis(), is(1000L));
    assertThat(options.getCheckpointDir(), is("/tmp/x"));
  }

  @Test
  void keepsTheMinimumReadTimeBelowAShortBatchInterval() {
    assertThat(parse("--batchIntervalMillis=200").getMinReadTimeMillis(), is(100L));
    assertThat(
        parse("--batchIntervalMillis=200", "--minReadTimeMillis=50").getMinReadTimeMillis(),
        is(50L));
  }

  @Test
  void eachRunGetsAFreshCheckpointFolder() {
    assertThat(parse().getCheckpointDir(), is(not(parse().getCheckpointDir())));
  }

  @Test
  void namesTheBadBatchInterval() {
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmbeddedSpark.withDefaults("--batchIntervalMillis=fast"));

    assertThat(bad.getMessage(), containsString("--batchIntervalMillis"));
    assertThat(bad.getMessage(), containsString("'fast'"));
  }

  @Test
  void sparkRunsLocallyWithoutItsWebUi() {
    SparkConf conf = EmbeddedSpark.sparkConf(parse());

    assertThat(conf.get("spark.master"), is("local[2]"));
    assertThat(conf.get("spark.ui.enabled"), is("false"));
    assertThat(conf.get("spark.driver.bindAddress"), is("127.0.0.1"));
    assertThat(conf.get("spark.kryo.registrator"), startsWith("org.apache.beam.runners.spark"));
  }

  @Test
  void aGracefulStopWaitsAFewBatchesNotSparksTen() {
    assertThat(
        EmbeddedSpark.sparkConf(parse("--batchIntervalMillis=400"))
            .get("spark.streaming.gracefulStopTimeout"),
        is("1200ms"));
  }

  @Test
  void streamingKeepsLittleStatus() {
    SparkConf conf = EmbeddedSpark.sparkConf(parse());

    assertThat(conf.get("spark.ui.retainedTasks"), is("1000"));
    assertThat(conf.get("spark.ui.dagGraph.retainedRootRDDs"), is("0"));
  }

  @Test
  void bothModesKeepOnePartitionPerCore() {
    for (String streaming : List.of("--streaming=true", "--streaming=false")) {
      SparkConf conf = EmbeddedSpark.sparkConf(parse(streaming));

      assertThat(streaming, conf.contains("spark.default.parallelism"), is(false));
    }
  }

  private static SparkPipelineOptions parse(String... args) {
    return PipelineOptionsFactory.fromArgs(EmbeddedSpark.withDefaults(args))
        .as(SparkPipelineOptions.class);
  }
}

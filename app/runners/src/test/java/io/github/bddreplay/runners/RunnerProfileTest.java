package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerProfileTest {
  @TempDir Path temp;

  @Test
  void theBundledProfilesNameTheirRunners() {
    assertThat(runnerOf(RunnerProfile.named("spark-local")), is((Object) SparkRunner.class));
    assertThat(runnerOf(RunnerProfile.named("spark-standalone")), is((Object) SparkRunner.class));
    assertThat(runnerOf(RunnerProfile.named("direct")), is((Object) DirectRunner.class));
    assertThat(runnerOf(RunnerProfile.named("flink-local")), is((Object) FlinkRunner.class));
    assertThat(RunnerProfile.named("flink-local").option("flinkMaster"), is("[local]"));
    assertThat(RunnerProfile.named("spark-local").option("sparkMaster"), is("local[2]"));
    assertThat(
        RunnerProfile.named("spark-standalone").option("sparkMaster"), containsString("spark://"));
  }

  @Test
  void theCommandLineWinsOverTheProfile() {
    List<String> args =
        List.of(RunnerProfile.apply("--profile=spark-local", "--sparkMaster=local[1]"));

    assertThat(args, hasItems("--sparkMaster=local[1]", "--runner=SparkRunner"));
    assertThat(args, not(hasItem("--sparkMaster=local[2]")));
    assertThat(args, not(hasItem("--profile=spark-local")));
  }

  @Test
  void aProfileCanBeAFile() throws IOException {
    Path file = temp.resolve("mine.properties");
    Files.writeString(file, "# my runner\nrunner=DirectRunner\nblockOnRun=false\n");

    RunnerProfile profile = RunnerProfile.named(file.toString());

    assertThat(profile.name(), is("mine"));
    assertThat(profile.options(), is(Map.of("runner", "DirectRunner", "blockOnRun", "false")));
    assertThat(
        List.of(RunnerProfile.apply("--profile", file.toString())),
        hasItem("--runner=DirectRunner"));
  }

  @Test
  void anUnknownProfileIsNamedInTheError() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> RunnerProfile.named("nosuch"));

    assertThat(unknown.getMessage(), containsString("'nosuch'"));
  }

  @Test
  void aProfileLineMustBeAnOptionWithAValue() throws IOException {
    Path file = temp.resolve("bad.properties");
    Files.writeString(file, "--runner=DirectRunner\n");

    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> RunnerProfile.named(file.toString()));

    assertThat(bad.getMessage(), containsString(file.toString()));
  }

  private static Object runnerOf(RunnerProfile profile) {
    return PipelineOptionsFactory.fromArgs(profile.fillIn())
        .as(SensorPipelinesOptions.class)
        .getRunner();
  }
}

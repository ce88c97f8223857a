package io.github.bddreplay.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.contract.HadoopClient;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HadoopFileSystemsTest {

  @Test
  void anHdfsInputNamesTheDefaultFileSystem() {
    SensorPipelinesOptions options = options("hdfs://namenode:8020/bdd/results/input");
    options.as(HadoopFileSystemOptions.class).setHdfsConfiguration(List.of());

    HadoopFileSystems.configure(options);

    List<Configuration> confs = options.as(HadoopFileSystemOptions.class).getHdfsConfiguration();
    assertThat(confs, hasSize(1));
    assertThat(confs.get(0).get("fs.defaultFS"), is("hdfs://namenode:8020"));
    assertThat(confs.get(0).getInt(HadoopClient.FIRST_COMPLETION_RETRY_MS, -1), is(20));
  }

  @Test
  void aGivenConfigurationIsKeptAndTuned() {
    SensorPipelinesOptions options = options("hdfs://other:9000/input");
    Configuration given = new Configuration(false);
    given.set("fs.defaultFS", "hdfs://mycluster");
    options.as(HadoopFileSystemOptions.class).setHdfsConfiguration(List.of(given));

    HadoopFileSystems.configure(options);

    List<Configuration> confs = options.as(HadoopFileSystemOptions.class).getHdfsConfiguration();
    assertThat(confs, hasSize(1));
    assertThat(confs.get(0).get("fs.defaultFS"), is("hdfs://mycluster"));
    assertThat(confs.get(0).getInt(HadoopClient.FIRST_COMPLETION_RETRY_MS, -1), is(20));
  }

  @Test
  void aSiteFileSettingWins() {
    Configuration site = new Configuration(false);
    site.set(HadoopClient.FIRST_COMPLETION_RETRY_MS, "400", "hdfs-site.xml");

    assertThat(
        HadoopClient.forSmallFiles(site).getInt(HadoopClient.FIRST_COMPLETION_RETRY_MS, -1),
        is(400));
  }

  @Test
  void localFoldersNeedNoHadoop() {
    assertThat(HadoopFileSystems.hdfsOf("/data/results/input"), is(Optional.empty()));
    assertThat(HadoopFileSystems.hdfsOf("file:///data/results/input"), is(Optional.empty()));
    assertThat(HadoopFileSystems.hdfsOf("C:\\data\\input"), is(Optional.empty()));
    assertThat(
        HadoopFileSystems.hdfsOf("webhdfs://namenode:9870/x"),
        is(Optional.of("webhdfs://namenode:9870")));
  }

  private static SensorPipelinesOptions options(String inputDir) {
    SensorPipelinesOptions options = PipelineOptionsFactory.as(SensorPipelinesOptions.class);
    options.setInputDir(inputDir);
    return options;
  }
}

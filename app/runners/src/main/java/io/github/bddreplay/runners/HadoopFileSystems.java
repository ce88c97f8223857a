package io.github.bddreplay.runners;

import io.github.bddreplay.contract.HadoopClient;
import io.github.bddreplay.pipelines.SensorPipelinesOptions;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.hadoop.conf.Configuration;

/**
 * Beam's Hadoop file systems ({@code hdfs://}) for the pipelines' folders. Beam registers them only
 * from a Hadoop configuration that names a default file system: found in {@code $HADOOP_CONF_DIR}
 * or {@code $YARN_CONF_DIR}, or given as {@code --hdfsConfiguration}. Without one, an input folder
 * given as a full URI ({@code hdfs://namenode:8020/...}) names it, as it does for the replayer.
 */
final class HadoopFileSystems {
  private static final Set<String> HDFS_SCHEMES = Set.of("hdfs", "webhdfs");

  private HadoopFileSystems() {}

  /** Sets the Hadoop configuration of {@code options}, tuned for small files. */
  static void configure(SensorPipelinesOptions options) {
    HadoopFileSystemOptions hadoop = options.as(HadoopFileSystemOptions.class);
    List<Configuration> configurations = hadoop.getHdfsConfiguration();
    if (configurations == null || configurations.isEmpty()) {
      Optional<String> fileSystem = hdfsOf(options.getInputDir());
      if (fileSystem.isEmpty()) {
        return;
      }
      Configuration conf = new Configuration();
      conf.set("fs.defaultFS", fileSystem.get());
      configurations = List.of(conf);
    }
    configurations.forEach(HadoopClient::forSmallFiles);
    hadoop.setHdfsConfiguration(configurations);
  }

  /** The HDFS that {@code folder} is on, as {@code scheme://authority}, if it is on one. */
  static Optional<String> hdfsOf(String folder) {
    URI uri;
    try {
      uri = URI.create(folder);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uri.getScheme() == null || !HDFS_SCHEMES.contains(uri.getScheme().toLowerCase())) {
      return Optional.empty();
    }
    return Optional.of(
        uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()));
  }
}

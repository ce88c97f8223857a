package io.github.bddreplay.contract;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;

/**
 * How the project's Hadoop file system clients differ from Hadoop's defaults: the replayer's and
 * the pipelines' both write many small files on a schedule.
 */
public final class HadoopClient {
  /**
   * A client closing a file asks the namenode to complete it and, when the datanode has not yet
   * reported the file's last block, asks again after this delay, doubling it each time. Hadoop's
   * 400 ms suits large files; on a MiniDFSCluster 50 small files took 8.0 s with it, 0.8 s with 20
   * ms.
   */
  public static final String FIRST_COMPLETION_RETRY_MS =
      "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";

  private static final int SMALL_FILES_FIRST_COMPLETION_RETRY_MS = 20;

  private HadoopClient() {}

  /** Sets the project's defaults in {@code conf}, except where a site file sets them. */
  public static Configuration forSmallFiles(Configuration conf) {
    String[] sources = conf.getPropertySources(FIRST_COMPLETION_RETRY_MS);
    boolean setBySite =
        sources != null && !Arrays.stream(sources).allMatch(s -> s.endsWith("-default.xml"));
    if (!setBySite) {
      conf.setInt(FIRST_COMPLETION_RETRY_MS, SMALL_FILES_FIRST_COMPLETION_RETRY_MS);
    }
    return conf;
  }
}

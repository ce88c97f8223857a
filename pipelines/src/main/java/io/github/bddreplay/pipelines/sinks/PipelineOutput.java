package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Where each pipeline output goes, relative to the output root: one folder per output. */
public enum PipelineOutput {
  SIMPLE_LOCATIONS(StreamLayout.SIMPLE, Topic.LOCATIONS.folderName()),
  SIMPLE_ACCELERATIONS(StreamLayout.SIMPLE, Topic.ACCELERATIONS.folderName()),
  WINDOWED(StreamLayout.WINDOWED),
  STREAM_JOINED(StreamLayout.STREAM_JOINED);

  private final List<String> folders;

  PipelineOutput(String... folders) {
    this.folders = List.of(folders);
  }

  /**
   * This output's directory under {@code outputRoot}, resolved through Beam's file systems so any
   * registered scheme works; ends with a separator.
   */
  public String directoryUnder(String outputRoot) {
    return under(outputRoot, folders);
  }

  /** The directory of the pipeline this output belongs to, e.g. {@code <outputRoot>/simple/}. */
  public String pipelineDirectoryUnder(String outputRoot) {
    return under(outputRoot, folders.subList(0, 1));
  }

  private static String under(String outputRoot, List<String> folders) {
    ResourceId directory = FileSystems.matchNewResource(outputRoot, true);
    for (String folder : folders) {
      directory = directory.resolve(folder, StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    return directory.toString();
  }
}

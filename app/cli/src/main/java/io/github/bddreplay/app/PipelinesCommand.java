package io.github.bddreplay.app;

import io.github.bddreplay.runners.RunPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code pipelines}: the pipelines alone, reading an input folder that something else fills (the
 * replayer in another process, or any producer writing {@code <topic>/t=NNN.N/*.parquet} files
 * atomically and {@code _REPLAY_COMPLETE} at the end), or a finished one with {@code --mode=BATCH}.
 */
@Command(
    name = "pipelines",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the pipelines alone over an input folder that something else fills:",
      "  pipelines --inputDir=results/stream/input [--pipelines=windowed] [--profile=direct] ...",
      "Every option is a pipeline option, --name=value; the list follows."
    })
public final class PipelinesCommand implements Callable<Integer> {
  @Unmatched List<String> options = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    RunPipelines.main(options.toArray(new String[0]));
    return 0;
  }
}

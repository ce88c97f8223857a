package io.github.bddreplay.replayer.cli;

import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import io.github.bddreplay.replayer.replay.Replayer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay}: publishes a time-sliced data set into results/stream/input as a live stream. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a time-sliced data set (<topic>/t=NNN.N/*.parquet) as a live file stream.",
      "Each slice appears in <results>/input/<topic>/t=NNN.N/ once start + t/speedup has passed,",
      "with its timestamp column rewritten to start + offset; <results>/input/_REPLAY_COMPLETE",
      "marks the end of the stream.",
      "A stopped replay continues where it stopped with --resume."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Mixin ReplayOptions options;

  @Option(
      names = "--resume",
      description = {
        "Continue the replay recorded in <results>/replay-state.json after a stop: input/ is kept,"
            + " files already there are not published again, the rest follow the recorded start and"
            + " schedule. The options that shape the stream (--source, --speedup, --seed,"
            + " --late-fraction, --max-delay, --loop, --codec, and --start if given) must be the"
            + " recorded ones. With no recorded replay, it starts afresh."
      })
  boolean resume;

  @Override
  public Integer call() throws Exception {
    ReplayConfig config = options.config().withResume(resume);
    ReplaySummary summary = new Replayer(config, ReplayClock.SYSTEM, System.out).run();
    System.out.println(summary.describe());
    System.out.println("stream written to " + config.results().resolve("input"));
    return 0;
  }
}

package io.github.bddreplay.app;

import io.github.bddreplay.replayer.cli.ReplayCommand;
import io.github.bddreplay.replayer.cli.ReplayOptions;
import io.github.bddreplay.replayer.cli.SynthCommand;
import io.github.bddreplay.report.ReportCommand;
import io.github.bddreplay.report.RunReport;
import io.github.bddreplay.runners.RunPipelines;
import io.github.bddreplay.runners.RunnerProfile;
import io.github.bddreplay.verify.Pipeline;
import io.github.bddreplay.verify.Verification;
import io.github.bddreplay.verify.VerifyCommand;
import io.github.bddreplay.verify.VerifyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The whole job in one JVM: the replayer publishes a data set as a live stream into {@code
 * <results>/input} while the three pipelines read it and write {@code <results>/output}; it ends by
 * itself once the replay is over and every window is final, with a summary of both, the verdict of
 * {@code verify} on what was written, and the path of the run's report page. Its exit code is 1
 * when the verdict is not PASS.
 *
 * <p>Run again with the same {@code --checkpointDir} after a crash, it resumes ({@link DemoRun}):
 * the replayer publishes what it had not yet published, on the original schedule and with the
 * original event times, and the pipelines read the stream again from its start.
 */
@Command(
    name = "bdd-replay",
    mixinStandardHelpOptions = true,
    version = "bdd-replay 0.1.0",
    subcommands = {
      ReplayCommand.class,
      SynthCommand.class,
      PipelinesCommand.class,
      VerifyCommand.class,
      ReportCommand.class
    },
    description = {
      "Replays a time-sliced data set as a live file stream and runs the pipelines simple,"
          + " windowed and stream-joined over it until every window is final (the demo).",
      "Options the demo does not know go to the pipelines and their runner (--name=value): see the"
          + " list below. Subcommands run one piece alone.",
    })
public final class DemoCommand implements Callable<Integer> {
  @Mixin ReplayOptions replay;

  @Option(
      names = "--pipelines",
      paramLabel = "NAMES",
      defaultValue = "simple,windowed,stream-joined",
      description = "Pipelines to run, comma-separated (default: ${DEFAULT-VALUE}).")
  String pipelines;

  @Option(
      names = RunnerProfile.OPTION,
      paramLabel = "NAME|FILE",
      description =
          "Runner profile: spark-local (embedded Spark, the default), spark-standalone,"
              + " flink-local (embedded Flink), direct, or a profile file; see profiles/.")
  String profile;

  @Unmatched List<String> pipelineOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    long began = System.nanoTime();
    DemoRun run = DemoRun.prepare(replay.config(), pipelineArguments());
    System.out.println(run.restartNote());
    DemoRun.Result result = run.execute();
    System.out.println();
    System.out.println(result.replay().describe());
    System.out.println(RunPipelines.summarize(result.pipelines(), run.options()).describe());
    System.out.println();
    Path results = replay.config().results().path();
    VerifyReport verdict =
        Verification.of(results)
            .output(Path.of(run.options().getOutputDir()))
            .pipelines(Pipeline.parse(pipelines))
            .progressTo(System.err)
            .run();
    verdict.writeJson(results.resolve(VerifyReport.JSON_FILE));
    System.out.println(verdict.table());
    Path page =
        RunReport.write(
            results, results.resolve(RunReport.FILE), run.options().getWatermarkDelayMillis());
    System.out.println("report: " + page);
    System.out.printf("done in %.1f s%n", (System.nanoTime() - began) / 1e9);
    return verdict.passed() ? 0 : 1;
  }

  private List<String> pipelineArguments() {
    List<String> args = new ArrayList<>(pipelineOptions);
    args.add("--pipelines=" + pipelines);
    if (profile != null) {
      args.add(RunnerProfile.OPTION + "=" + profile);
    }
    return args;
  }
}

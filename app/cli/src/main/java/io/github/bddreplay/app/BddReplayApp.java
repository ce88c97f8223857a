package io.github.bddreplay.app;

import io.github.bddreplay.replayer.cli.BddReplayCli;
import io.github.bddreplay.runners.RunnerProfile;
import picocli.CommandLine;

/**
 * The command line users run ({@code mvn exec:java}, or the bundled jar under spark-submit): with
 * no subcommand the demo ({@link DemoCommand}), else {@code replay}, {@code synth} or {@code
 * pipelines} alone. Bad input ends with one {@code error:} line and exit code 2.
 */
public final class BddReplayApp {
  private BddReplayApp() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new DemoCommand());
    RunnerProfile profile =
        RunnerProfile.named(
            System.getProperty(RunnerProfile.SYSTEM_PROPERTY, RunnerProfile.DEFAULT));
    // Picocli formats the footer: a '%' in an option's description must not count as a format.
    String runnerOptions = PipelineOptionsHelp.text(profile).replace("%", "%%");
    commandLine.getCommandSpec().usageMessage().footer(runnerOptions);
    commandLine
        .getSubcommands()
        .get("pipelines")
        .getCommandSpec()
        .usageMessage()
        .footer(runnerOptions);
    return BddReplayCli.execute(commandLine, args);
  }
}

package io.github.bddreplay.replayer.cli;

import io.github.bddreplay.contract.BadInputException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: {@code replay} and {@code synth}. */
@Command(
    name = "bdd-replay",
    mixinStandardHelpOptions = true,
    version = "bdd-replay 0.1.0",
    subcommands = {ReplayCommand.class, SynthCommand.class},
    description = "Replayable sensor streams from the Berkeley DeepDrive data set.")
public final class BddReplayCli {
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs a command line; bad input ends with one line on stderr and exit code 2, not a stack trace.
   */
  public static int execute(String... args) {
    return execute(new CommandLine(new BddReplayCli()), args);
  }

  /**
   * Runs {@code commandLine} (this one, or another that includes its commands) with the same
   * handling of bad input.
   */
  public static int execute(CommandLine commandLine, String... args) {
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof BadInputException
              || e instanceof UncheckedIOException
              || e instanceof IllegalArgumentException) {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return commandLine.execute(args);
  }
}

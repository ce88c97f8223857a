package io.github.bddreplay.verify;

import io.github.bddreplay.replayer.cli.ProjectHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: is a finished run's output right? Prints the table of checks, writes {@code
 * <results>/verify.json}, and exits 0 when every check holds, 1 when one does not (bad input ends
 * with one {@code error:} line and 2, through {@code BddReplayCli.execute}).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes the batch answer of a finished run with SQL in DuckDB (every row once; per car"
          + " and 15 s event-time window the mean speed and the full outer join) and compares it"
          + " with the pipelines' final outputs (the highest pane of each window) and their pane"
          + " protocol. Writes <results>/verify.json; exit code 0 when every check holds, 1 if not.",
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Results folder of the run (default: results/stream).")
  Path results;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description =
          "Compute the answer from this data set, replayed with the start and loops recorded in"
              + " <results>/replay-state.json (default: from <results>/input as published).")
  Path source;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "The pipelines' output folder, if they wrote elsewhere (default: <results>/output).")
  Path output;

  @Option(
      names = "--pipelines",
      paramLabel = "NAMES",
      defaultValue = Pipeline.ALL,
      description = "Outputs to check, comma-separated (default: ${DEFAULT-VALUE}).")
  String pipelines;

  @Override
  public Integer call() throws Exception {
    Path folder = results != null ? results : ProjectHome.defaultResults();
    VerifyReport report =
        Verification.of(folder)
            .pipelines(Pipeline.parse(pipelines))
            .source(source)
            .output(output)
            .progressTo(System.err)
            .run();
    Path json = report.results().resolve(VerifyReport.JSON_FILE);
    report.writeJson(json);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    out.println("written: " + json);
    out.flush();
    return report.passed() ? 0 : 1;
  }
}

package io.github.bddreplay.report;

import io.github.bddreplay.replayer.cli.ProjectHome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: writes the page of a finished run and prints where it is. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one self-contained HTML page of a finished run: event time against processing time"
          + " with the watermark and the late arrivals, each car's mean speed per window and GPS"
          + " track, panes per window, the replay's lag, the run's figures and verify's verdict.",
      "Prints the page's path."
    })
public final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "The run's results folder (default: results/stream under the project).")
  Path results;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the page (default: <results>/" + RunReport.FILE + ").")
  Path out;

  @Option(
      names = "--watermarkDelayMillis",
      paramLabel = "MS",
      description =
          "The watermark delay the pipelines ran with, for the watermark line (default: the"
              + " pipelines' default).")
  Long watermarkDelayMillis;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path folder = results != null ? results : ProjectHome.defaultResults();
    Path page =
        RunReport.write(
            folder,
            out != null ? out : folder.resolve(RunReport.FILE),
            watermarkDelayMillis != null
                ? watermarkDelayMillis
                : RunReport.defaultWatermarkDelayMillis());
    spec.commandLine().getOut().println(page.toAbsolutePath());
    return 0;
  }
}

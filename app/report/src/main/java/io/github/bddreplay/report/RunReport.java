package io.github.bddreplay.report;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.pipelines.source.SensorSourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * One self-contained HTML page of a finished run ({@code <results>/report.html}): the stream in
 * event and processing time, each car's mean speed and GPS track, panes per window, the replay's
 * lag, the run's figures and verify's verdict.
 */
public final class RunReport {
  public static final String FILE = "report.html";

  private RunReport() {}

  /** Writes {@code <results>/report.html}, drawing the pipelines' default watermark delay. */
  public static Path write(Path results) {
    return write(results, results.resolve(FILE), defaultWatermarkDelayMillis());
  }

  /**
   * Writes the page of {@code results} to {@code page}.
   *
   * @param watermarkDelayMillis the delay the pipelines ran with (their {@code
   *     --watermarkDelayMillis}), for the watermark line
   * @throws BadInputException when {@code results} is not a replay's results folder or one of its
   *     files cannot be read, naming the file
   */
  public static Path write(Path results, Path page, long watermarkDelayMillis) {
    return write(results, page, watermarkDelayMillis, PageLimits.DEFAULT);
  }

  static Path write(Path results, Path page, long watermarkDelayMillis, PageLimits limits) {
    if (!Files.isDirectory(results)) {
      throw new BadInputException(results + ": no such results folder");
    }
    // Absolute and normalized, as DuckDB names the files it read (Sql.pathText).
    Path root = results.toAbsolutePath().normalize();
    String html = ReportPage.html(ReportData.collect(root, watermarkDelayMillis, limits));
    try {
      Path folder = page.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Files.writeString(page, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(page + ": cannot write the page: " + e.getMessage(), e);
    }
    return page;
  }

  /** The pipelines' own default, from their options rather than a copy of the number. */
  public static long defaultWatermarkDelayMillis() {
    return PipelineOptionsFactory.as(SensorSourceOptions.class).getWatermarkDelayMillis();
  }
}

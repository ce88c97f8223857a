package io.github.bddreplay.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's Chromium, headless, opening a page from disk twice: once to dump the DOM after the
 * page's scripts ran (with the browser's log on stderr, where the page's console messages appear as
 * lines with {@code CONSOLE}), once to take a screenshot. Each run has a fresh profile and no
 * network beyond the page itself.
 */
final class HeadlessChromium {
  static final Path BINARY = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 120;

  /** Virtual time the page gets before the DOM is dumped or the screenshot taken. */
  private static final int VIRTUAL_TIME_MILLIS = 15_000;

  private static final int WIDTH = 1400;
  private static final int HEIGHT = 4000;

  /** What the browser made of a page. */
  record RenderedPage(String dom, List<String> consoleLines, BufferedImage screenshot) {}

  private HeadlessChromium() {}

  static RenderedPage open(Path page) {
    if (!Files.isExecutable(BINARY)) {
      fail(
          "no Chromium at "
              + BINARY
              + ": install Debian's chromium (apt-get install chromium);"
              + " the browser test must not be skipped");
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("chromium-run");
      Result dump =
          run(
              work.resolve("profile-dom"),
              work,
              page,
              "--enable-logging=stderr",
              "--v=0",
              "--dump-dom");
      Path png = work.resolve("screenshot.png");
      run(
          work.resolve("profile-shot"),
          work,
          page,
          "--screenshot=" + png,
          "--window-size=" + WIDTH + "," + HEIGHT);
      if (!Files.isRegularFile(png)) {
        fail("Chromium wrote no screenshot of " + page);
      }
      BufferedImage screenshot = ImageIO.read(png.toFile());
      List<String> console =
          dump.stderr().lines().filter(line -> line.contains(":CONSOLE")).toList();
      return new RenderedPage(dump.stdout(), console, screenshot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (work != null) {
        Folders.delete(work);
      }
    }
  }

  private record Result(String stdout, String stderr) {}

  private static Result run(Path profile, Path work, Path page, String... mode) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=" + VIRTUAL_TIME_MILLIS));
    command.addAll(List.of(mode));
    command.add(page.toUri().toString());
    String name = profile.getFileName().toString();
    Path stdout = work.resolve(name + ".out");
    Path stderr = work.resolve(name + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("Chromium did not finish " + page + " within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      fail("Chromium exited with " + process.exitValue() + " on " + page + ":\n" + err);
    }
    return new Result(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }
}

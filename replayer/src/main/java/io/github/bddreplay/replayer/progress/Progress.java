package io.github.bddreplay.replayer.progress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress of one long piece of work (a synthetic data set of thousands of cars, a bounded
 * backfill, a verification): a bar redrawn in place, with its ETA, when standard error is a
 * terminal; else plain lines (a log, CI, a test): the first state, one line every few seconds and
 * the final state, so that logs are not flooded with redraws. Both are redrawn even when nothing
 * moved, so that the elapsed time shows the work is alive.
 *
 * <p>Work of unknown size ({@link #UNKNOWN_TOTAL}) shows what is done and the time so far, with no
 * percentage and no ETA. A {@link #note} says what phase the work is in.
 */
public final class Progress implements AutoCloseable {
  /** The total of work whose size is not known. */
  public static final long UNKNOWN_TOTAL = -1;

  /** How often a plain line is written when the output is not a terminal. */
  static final Duration PLAIN_LINE_INTERVAL = Duration.ofSeconds(5);

  private static final int BAR_REDRAW_MILLIS = 500;

  /** How often plain lines are rendered; {@link PlainLines} writes one per interval of them. */
  private static final int PLAIN_RENDER_MILLIS = 250;

  private final ProgressBar bar;
  private final ProgressText text;

  private Progress(ProgressBar bar, ProgressText text) {
    this.bar = bar;
    this.text = text;
  }

  /**
   * Starts the progress of {@code task}, {@code total} {@code unit}s in all: a bar on standard
   * error when it is a terminal, beside the command's own output, else plain lines on {@code
   * plainOut}.
   */
  public static Progress start(String task, long total, String unit, PrintStream plainOut) {
    return start(task, total, unit, lines(plainOut));
  }

  /** As {@link #start(String, long, String, PrintStream)}, plain lines on a command's writer. */
  public static Progress start(String task, long total, String unit, PrintWriter plainOut) {
    return start(task, total, unit, lines(plainOut));
  }

  /** Plain lines on {@code out} whatever the output is, for tests and logs. */
  public static Progress plainLines(String task, long total, String unit, PrintStream out) {
    return plainLines(task, total, unit, out, PLAIN_LINE_INTERVAL);
  }

  /** Plain lines at most every {@code interval}. */
  static Progress plainLines(
      String task, long total, String unit, PrintStream out, Duration interval) {
    return plain(task, total, unit, lines(out), interval);
  }

  private static Progress start(String task, long total, String unit, Consumer<String> plainOut) {
    if (standardErrorIsTerminal()) {
      ConsoleProgressBarConsumer terminal = new ConsoleProgressBarConsumer(System.err);
      return create(task, total, new ProgressText(unit, true), terminal, BAR_REDRAW_MILLIS);
    }
    return plain(task, total, unit, plainOut, PLAIN_LINE_INTERVAL);
  }

  private static Progress plain(
      String task, long total, String unit, Consumer<String> out, Duration interval) {
    PlainLines lines = new PlainLines(out, interval, System::nanoTime);
    return create(task, total, new ProgressText(unit, false), lines, PLAIN_RENDER_MILLIS);
  }

  private static Progress create(
      String task, long total, ProgressText text, ProgressBarConsumer output, int renderMillis) {
    RenderTarget target = new RenderTarget(output);
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setRenderer(text)
            .setConsumer(target)
            .setUpdateIntervalMillis(renderMillis)
            .continuousUpdate()
            .build();
    target.awaitFirstRender();
    return new Progress(bar, text);
  }

  /**
   * Whether standard error, where the bar is drawn, is a terminal. {@code System.console()} answers
   * for standard input and output instead (and from Java 22 on is there even when they are
   * redirected), and Java has no isatty: ask test(1), as JLine does. Where there is no test(1),
   * plain lines are the safe answer.
   */
  private static boolean standardErrorIsTerminal() {
    try {
      Process test =
          new ProcessBuilder("test", "-t", "2")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return test.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Consumer<String> lines(PrintStream out) {
    return line -> {
      out.println(line);
      out.flush();
    };
  }

  private static Consumer<String> lines(PrintWriter out) {
    return line -> {
      out.println(line);
      out.flush();
    };
  }

  public void stepBy(long amount) {
    bar.stepBy(amount);
  }

  public void stepTo(long done) {
    bar.stepTo(done);
  }

  /** Shown after the figures while the work runs, e.g. what is not measured; "" for none. */
  public void note(String note) {
    bar.setExtraMessage(note);
  }

  /** Draws the final state: what was done and the time it took. */
  @Override
  public void close() {
    text.finishedAfter(bar.getTotalElapsed());
    bar.close();
  }
}

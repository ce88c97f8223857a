package io.github.bddreplay.replayer.progress;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress as plain lines, for output that is not a terminal: the first state at once, then at most
 * one line per interval however often the state is rendered, and the final state when closed, so
 * that a log gets a line every few seconds rather than a redraw every second.
 */
final class PlainLines implements ProgressBarConsumer {
  private final Consumer<String> out;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private String written;
  private long writtenAtNanos;
  private String latest;

  PlainLines(Consumer<String> out, Duration interval, LongSupplier nanoClock) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Plain lines are not fitted to a terminal's width: a log line is as long as it needs. */
  @Override
  public int getMaxRenderedLength() {
    return Integer.MAX_VALUE;
  }

  @Override
  public void accept(String rendered) {
    latest = rendered;
    long now = nanoClock.getAsLong();
    if (written == null || now - writtenAtNanos >= intervalNanos) {
      write(now);
    }
  }

  @Override
  public void close() {
    if (latest != null && !latest.equals(written)) {
      write(nanoClock.getAsLong());
    }
  }

  private void write(long now) {
    out.accept(latest);
    written = latest;
    writtenAtNanos = now;
  }
}

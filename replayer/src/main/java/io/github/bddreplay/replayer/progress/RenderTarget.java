package io.github.bddreplay.replayer.progress;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Where a bar's renders go, shielded from two races of progressbar 0.10.1's update thread.
 *
 * <p>A bar closed before that thread first ran takes the first-run path on closing: it draws once
 * and never closes its output, so a terminal gets no newline after the bar and plain lines miss the
 * first state (measured: 194 of 200 bars closed right after they were built). {@link
 * #awaitFirstRender} lets the bar be handed out only once it has drawn. And a periodic run still
 * going when the bar is closed may close the output itself, after which the closing run would draw
 * once more: renders after the output is closed are dropped.
 */
final class RenderTarget implements ProgressBarConsumer {
  /** Far longer than the update thread needs to start; a render that failed must not hang us. */
  private static final long FIRST_RENDER_TIMEOUT_SECONDS = 10;

  private final ProgressBarConsumer output;
  private final CountDownLatch firstRender = new CountDownLatch(1);
  private boolean closed;

  RenderTarget(ProgressBarConsumer output) {
    this.output = output;
  }

  @Override
  public int getMaxRenderedLength() {
    return output.getMaxRenderedLength();
  }

  @Override
  public synchronized void accept(String rendered) {
    if (!closed) {
      output.accept(rendered);
    }
    firstRender.countDown();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      output.close();
    }
  }

  void awaitFirstRender() {
    try {
      firstRender.await(FIRST_RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

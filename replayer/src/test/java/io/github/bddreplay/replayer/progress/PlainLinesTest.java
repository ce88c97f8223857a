package io.github.bddreplay.replayer.progress;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlainLinesTest {
  private final List<String> written = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private final PlainLines lines = new PlainLines(written::add, Duration.ofSeconds(5), nanos::get);

  private void renderAt(double seconds, String line) {
    nanos.set((long) (seconds * 1e9));
    lines.accept(line);
  }

  @Test
  void writesTheFirstStateAtOnceThenOneLinePerInterval() {
    renderAt(0, "first");
    renderAt(1, "one");
    renderAt(4.9, "four");
    renderAt(5, "five");
    renderAt(9.9, "nine");
    renderAt(10.1, "ten");

    assertThat(written, contains("first", "five", "ten"));
  }

  @Test
  void closingWritesTheLatestStateUnlessItWasJustWritten() {
    renderAt(0, "first");
    renderAt(2, "done");
    lines.close();

    assertThat(written, contains("first", "done"));
  }

  @Test
  void aFinalStateRenderedTwiceIsWrittenOnce() {
    renderAt(0, "first");
    renderAt(6, "done");
    renderAt(6, "done");
    lines.close();

    assertThat(written, contains("first", "done"));
  }

  @Test
  void nothingRenderedWritesNothing() {
    lines.close();

    assertThat(written, empty());
  }
}

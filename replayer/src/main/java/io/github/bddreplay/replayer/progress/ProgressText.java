package io.github.bddreplay.replayer.progress;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * How a progress reads, in words a log can keep: what is done, of how much when that is known, the
 * time so far and, while it can be estimated, the time left; then a note on the phase the work is
 * in. On a terminal a bar goes in front, filled as far as the work is done, or, for work of unknown
 * size, a marker that moves with the time: it shows the work is alive, not how far it got.
 */
final class ProgressText implements ProgressBarRenderer {
  private static final int MIN_BAR_WIDTH = 10;
  private static final int MAX_BAR_WIDTH = 40;
  private static final String MARKER = "<=>";

  private final String unit;
  private final boolean withBar;
  private volatile Duration finishedAfter;

  ProgressText(String unit, boolean withBar) {
    this.unit = unit;
    this.withBar = withBar;
  }

  /**
   * The time the work took, for the final state. progressbar renders that state more than once
   * while it closes, each time with the clock's elapsed time: a second boundary between them would
   * give plain lines two final lines.
   */
  void finishedAfter(Duration elapsed) {
    finishedAfter = elapsed;
  }

  @Override
  public String render(ProgressState state, int maxLength) {
    long total = state.isIndefinite() ? Progress.UNKNOWN_TOTAL : state.getMax();
    boolean finished = !state.isAlive();
    Duration elapsed = finished && finishedAfter != null ? finishedAfter : state.getTotalElapsed();
    String words =
        words(state.getCurrent(), total, unit, elapsed, finished, state.getExtraMessage());
    String task = state.getTaskName();
    if (!withBar) {
      return task + ": " + words;
    }
    // The bar takes what the words leave, and no less than its least width: on a narrow terminal
    // the end of the note is cut. The marker of work of unknown size tells no more for being wider.
    int room = maxLength - task.length() - " [] ".length() - words.length();
    int width =
        total == Progress.UNKNOWN_TOTAL
            ? MIN_BAR_WIDTH
            : Math.max(MIN_BAR_WIDTH, Math.min(MAX_BAR_WIDTH, room));
    String bar = bar(state.getCurrent(), total, elapsed, finished, width);
    String line = task + " [" + bar + "] " + words;
    // The terminal consumer redraws over the previous line without clearing it: a shorter line
    // (a shorter note) must cover what the longer one left; a longer one it trims to the width.
    return line + " ".repeat(Math.max(0, maxLength - line.length()));
  }

  /**
   * E.g. {@code 840/2000 cars (42%), 0:00:12 elapsed, ETA 0:00:16; note}; {@code 3 files read,
   * 0:01:05 elapsed} when the total is unknown; {@code 2000/2000 cars (100%), done in 0:00:29} once
   * finished (or {@code stopped after} when closed short of the total, as on a failure), when the
   * note, which describes the running work, is left out.
   */
  static String words(
      long done, long total, String unit, Duration elapsed, boolean finished, String note) {
    StringBuilder text = new StringBuilder();
    if (total == Progress.UNKNOWN_TOTAL) {
      text.append(done).append(' ').append(unit);
    } else {
      text.append(done)
          .append('/')
          .append(total)
          .append(' ')
          .append(unit)
          .append(" (")
          .append(percent(done, total))
          .append("%)");
    }
    if (finished) {
      boolean stopped = total != Progress.UNKNOWN_TOTAL && done < total;
      text.append(stopped ? ", stopped after " : ", done in ");
      return text.append(clock(elapsed)).toString();
    }
    text.append(", ").append(clock(elapsed)).append(" elapsed");
    if (total != Progress.UNKNOWN_TOTAL && done > 0 && done < total) {
      text.append(", ETA ").append(clock(elapsed.multipliedBy(total - done).dividedBy(done)));
    }
    if (!note.isEmpty()) {
      text.append("; ").append(note);
    }
    return text.toString();
  }

  /** {@code width} characters: {@code =====> } as far as done, or the moving marker. */
  static String bar(long done, long total, Duration elapsed, boolean finished, int width) {
    if (total == Progress.UNKNOWN_TOTAL) {
      if (finished) {
        return "=".repeat(width);
      }
      int span = width - MARKER.length();
      int step = (int) (elapsed.toSeconds() % (2L * span));
      int at = step <= span ? step : 2 * span - step;
      return " ".repeat(at) + MARKER + " ".repeat(span - at);
    }
    int filled = total == 0 ? width : (int) (width * Math.min(done, total) / total);
    if (filled == width) {
      return "=".repeat(width);
    }
    return "=".repeat(filled) + ">" + " ".repeat(width - filled - 1);
  }

  private static long percent(long done, long total) {
    return total == 0 ? 100 : 100 * Math.min(done, total) / total;
  }

  /** {@code H:MM:SS}. */
  private static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
}

package io.github.bddreplay.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaneFileMarkTest {
  /** 40 windows, each written as 50 files one second apart, one car's pane per file. */
  private static List<PaneRow> rows() {
    List<PaneRow> rows = new ArrayList<>();
    for (int window = 0; window < 40; window++) {
      for (int file = 0; file < 50; file++) {
        long end = 15_000L * (window + 1);
        rows.add(
            new PaneRow(
                "car",
                end - 15_000,
                end,
                file,
                file == 49 ? "ON_TIME" : "EARLY",
                10.0,
                "w" + window + "-f" + file,
                end + 1_000L * file));
      }
    }
    return rows;
  }

  @Test
  void underTheLimitEachFileAndTimingHasItsOwnMark() {
    PaneFileMark.Marks marks = PaneFileMark.of(rows(), 2000);

    assertThat(marks.marks().size(), is(2000));
    assertThat(marks.mergedWithinMillis(), is(0L));
  }

  @Test
  void overTheLimitFilesWrittenCloseTogetherShareAMarkAndNoPaneIsLost() {
    PaneFileMark.Marks marks = PaneFileMark.of(rows(), 300);

    assertThat(marks.marks().size(), lessThanOrEqualTo(300));
    assertThat(marks.mergedWithinMillis(), greaterThan(0L));
    assertThat(marks.marks().stream().mapToLong(PaneFileMark::panes).sum(), is(2000L));
    assertThat(marks.marks().stream().mapToLong(PaneFileMark::files).sum(), is(2000L));
    assertThat(marks.marks().stream().filter(m -> m.timing().equals("ON_TIME")).count(), is(40L));
  }
}

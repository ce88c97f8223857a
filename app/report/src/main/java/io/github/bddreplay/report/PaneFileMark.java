package io.github.bddreplay.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart (b): windowed output files' panes of one timing, placed where processing time (when the
 * file reached disk) meets event time (the end of its window). One mark per file and timing; past
 * {@code limit} marks, the files of one window and timing written close together share a mark (at
 * the earliest of them), the span doubled until the marks fit. Written as an array: [written,
 * window end, timing, panes, files].
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"writtenMillis", "windowEndMillis", "timing", "panes", "files"})
record PaneFileMark(
    long writtenMillis, long windowEndMillis, String timing, long panes, long files) {

  /**
   * The marks, and how many milliseconds apart files could be and still share one (0: none shared).
   */
  record Marks(List<PaneFileMark> marks, long mergedWithinMillis) {}

  static Marks of(List<PaneRow> rows, int limit) {
    Map<List<String>, PaneFileMark> byFile = new LinkedHashMap<>();
    for (PaneRow row : rows) {
      byFile.merge(
          List.of(row.file(), row.timing()),
          new PaneFileMark(row.writtenMillis(), row.windowEndMillis(), row.timing(), 1, 1),
          (a, b) -> new PaneFileMark(a.writtenMillis, a.windowEndMillis, a.timing, a.panes + 1, 1));
    }
    List<PaneFileMark> marks = sorted(byFile.values());
    if (marks.size() <= limit) {
      return new Marks(marks, 0);
    }
    long first = marks.get(0).writtenMillis;
    long span = Math.max(1, marks.get(marks.size() - 1).writtenMillis - first);
    long within = Math.max(1, span / limit);
    while (true) {
      List<PaneFileMark> merged = merge(marks, first, within);
      if (merged.size() <= limit || within > span) {
        return new Marks(merged, within);
      }
      within *= 2;
    }
  }

  private static List<PaneFileMark> merge(List<PaneFileMark> marks, long first, long within) {
    Map<List<Object>, PaneFileMark> groups = new LinkedHashMap<>();
    for (PaneFileMark mark : marks) {
      groups.merge(
          List.of(mark.windowEndMillis, mark.timing, (mark.writtenMillis - first) / within),
          mark,
          (a, b) ->
              new PaneFileMark(
                  Math.min(a.writtenMillis, b.writtenMillis),
                  a.windowEndMillis,
                  a.timing,
                  a.panes + b.panes,
                  a.files + b.files));
    }
    return sorted(groups.values());
  }

  private static List<PaneFileMark> sorted(Collection<PaneFileMark> marks) {
    List<PaneFileMark> list = new ArrayList<>(marks);
    list.sort(Comparator.comparingLong(PaneFileMark::writtenMillis));
    return list;
  }
}

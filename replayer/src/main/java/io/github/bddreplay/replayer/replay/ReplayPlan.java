package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.replayer.slices.Slice;
import io.github.bddreplay.replayer.slices.SourceCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every publication of a replay, in the order they fall due. A slice's on-time files are published
 * together as one file; each file the disorder plan holds back becomes a publication of its own at
 * its later time.
 */
public final class ReplayPlan {
  private ReplayPlan() {}

  /**
   * @param speedup how many seconds of recording one second of replay covers; infinite for "as fast
   *     as possible"
   * @param loops how many times the data set is replayed back to back
   */
  public static List<Publication> of(
      SourceCatalog catalog, long startMicros, double speedup, int loops, DisorderPlan disorder) {
    long periodTenths = loopPeriodTenths(catalog);
    List<Publication> publications = new ArrayList<>();
    for (int loop = 0; loop < loops; loop++) {
      long loopShiftTenths = loop * periodTenths;
      long loopStartMicros = startMicros + loopShiftTenths * 100_000L;
      for (Slice slice : catalog.slicesInTimeOrder()) {
        SliceTime shifted = slice.time().plus(loopShiftTenths);
        double dueSeconds = Double.isInfinite(speedup) ? 0 : shifted.seconds() / speedup;
        Map<Double, List<Path>> filesByDelay = new TreeMap<>();
        // Formatted once per slice: per file, it was most of the time spent planning.
        String folder = slice.time().folderName();
        for (Path file : slice.files()) {
          double delay =
              disorder.delaySeconds(slice.topic(), folder, file.getFileName().toString(), loop);
          filesByDelay.computeIfAbsent(delay, d -> new ArrayList<>()).add(file);
        }
        int sequence = 0;
        for (Map.Entry<Double, List<Path>> group : filesByDelay.entrySet()) {
          publications.add(
              new Publication(
                  loop,
                  slice.topic(),
                  shifted,
                  dueSeconds + group.getKey(),
                  group.getKey(),
                  loopStartMicros,
                  sequence++,
                  group.getValue()));
        }
      }
    }
    publications.sort(
        Comparator.comparingDouble(Publication::dueSeconds)
            .thenComparing(Publication::slice)
            .thenComparing(Publication::topic)
            .thenComparingInt(Publication::sequence));
    return publications;
  }

  /**
   * The length of one pass in tenths of a second: the last slice time plus the usual gap between
   * slices, so that the next pass continues the stream's rhythm.
   */
  static long loopPeriodTenths(SourceCatalog catalog) {
    List<Long> times =
        catalog.slicesInTimeOrder().stream().map(s -> s.time().tenths()).distinct().toList();
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(times.get(i) - times.get(i - 1));
    }
    gaps.sort(Comparator.naturalOrder());
    long medianGap = gaps.isEmpty() ? 10 : gaps.get(gaps.size() / 2);
    return catalog.lastTime().tenths() + medianGap;
  }
}

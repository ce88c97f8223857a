package io.github.bddreplay.replayer.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When slices appear, checked against a clock the test controls. */
class ReplayTimingTest {
  private static final Instant BEGIN = Instant.parse("2026-11-24T12:00:00Z");

  @TempDir Path results;

  private TreeSet<String> visibleSliceFolders() {
    Path input = results.resolve("input");
    TreeSet<String> folders = new TreeSet<>();
    if (!Files.isDirectory(input)) {
      return folders;
    }
    try (Stream<Path> walk = Files.walk(input)) {
      walk.filter(p -> p.toString().endsWith(".parquet"))
          .forEach(p -> folders.add(input.relativize(p.getParent()).toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return folders;
  }

  private ReplayConfig config(double speedup, DisorderPlan disorder) {
    return new ReplayConfig(
        RealData.dir(),
        results,
        speedup,
        Instant.parse("2026-01-01T00:00:00Z"),
        1,
        disorder,
        CompressionCodecName.SNAPPY,
        2,
        true);
  }

  @Test
  void eachSliceAppearsAtStartPlusItsTimeOverSpeedupAndNotBefore() throws Exception {
    List<TreeSet<String>> visibleBeforeWakeUp = new ArrayList<>();
    SteppingClock clock =
        new SteppingClock(BEGIN, () -> visibleBeforeWakeUp.add(visibleSliceFolders()));
    double speedup = 4;
    new Replayer(
            config(speedup, DisorderPlan.NONE),
            clock,
            new PrintStream(OutputStream.nullOutputStream()))
        .run();

    List<ReplayLogEntry> log = ReplayLogEntry.readAll(results.resolve(StreamLayout.REPLAY_LOG));
    assertThat(log.size(), is(2 * RealData.SLICES_PER_TOPIC));
    for (ReplayLogEntry entry : log) {
      double t = SliceTime.parse(entry.slice()).orElseThrow().seconds();
      Instant due = BEGIN.plusNanos((long) (t / speedup * 1e9));
      assertThat(entry.slice(), entry.publishedMillis(), is(due.toEpochMilli()));
      assertThat(entry.slice(), entry.dueMillis(), is(due.toEpochMilli()));
    }
    for (int i = 0; i < clock.wakeUps.size(); i++) {
      Instant wakeUp = clock.wakeUps.get(i);
      TreeSet<String> dueBefore = new TreeSet<>();
      TreeSet<String> dueByNow = new TreeSet<>();
      for (ReplayLogEntry entry : log) {
        if (entry.dueMillis() < wakeUp.toEpochMilli()) {
          dueBefore.add(entry.topic() + "/" + entry.slice());
        }
        if (entry.dueMillis() <= wakeUp.toEpochMilli()) {
          dueByNow.add(entry.topic() + "/" + entry.slice());
        }
      }
      TreeSet<String> visible = visibleBeforeWakeUp.get(i);
      assertThat("published on time, before " + wakeUp, visible.containsAll(dueBefore), is(true));
      assertThat("nothing early, before " + wakeUp, dueByNow.containsAll(visible), is(true));
    }
  }

  @Test
  void theSameSeedHoldsBackTheSameFilesByTheSameDelays() throws Exception {
    List<String> first = lateFiles(new DisorderPlan(7, 0.2, 3));
    List<String> second = lateFiles(new DisorderPlan(7, 0.2, 3));
    List<String> otherSeed = lateFiles(new DisorderPlan(8, 0.2, 3));

    assertThat(first, is(not(empty())));
    assertThat(second, equalTo(first));
    assertThat(otherSeed, is(not(equalTo(first))));
  }

  @Test
  void theReplayLogIsJsonUnderACommaDecimalLocale() throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      List<String> late = lateFiles(new DisorderPlan(7, 0.2, 3));
      assertThat(late, is(not(empty())));
      assertThat(
          late.toString(), late.stream().noneMatch(line -> line.endsWith("late=0.0")), is(true));
    } finally {
      Locale.setDefault(before);
    }
  }

  /** The late publications of a replay: slice, source file count, rows and delay. */
  private List<String> lateFiles(DisorderPlan disorder) throws Exception {
    new Replayer(
            config(Double.POSITIVE_INFINITY, disorder),
            new SteppingClock(BEGIN),
            new PrintStream(OutputStream.nullOutputStream()))
        .run();
    List<String> late = new ArrayList<>();
    for (ReplayLogEntry entry : ReplayLogEntry.readAll(results.resolve(StreamLayout.REPLAY_LOG))) {
      if (entry.lateBySeconds() > 0) {
        late.add(
            entry.topic()
                + "/"
                + entry.slice()
                + " files="
                + entry.sourceFiles()
                + " rows="
                + entry.rows()
                + " late="
                + entry.lateBySeconds());
      }
    }
    assertThat(ParquetRows.files(results.resolve("input")).size(), is(not(0)));
    return late;
  }
}

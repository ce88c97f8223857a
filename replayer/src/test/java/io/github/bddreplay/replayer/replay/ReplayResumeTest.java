package io.github.bddreplay.replayer.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replay stopped part-way and resumed gives the stream an uninterrupted replay gives: the same
 * files under the same names, each published once, on the recorded schedule.
 */
class ReplayResumeTest {
  private static final Instant BEGIN = Instant.parse("2026-11-24T12:00:00Z");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final double SPEEDUP = 4;

  /** Late files held back up to 2 replay seconds: many publications, overtaking one another. */
  private static final DisorderPlan DISORDER = new DisorderPlan(7, 0.3, 2);

  private static final int SLICES_PER_TOPIC = 12;

  @TempDir static Path sources;
  private static Path source;
  private static Path otherSource;

  @TempDir Path work;

  /** The first slices of the real data set: a quick replay, still with real files. */
  @BeforeAll
  static void copyTheFirstSlicesOfTheRealData() throws IOException {
    source = sources.resolve("source");
    for (String topic : List.of("locations", "accelerations")) {
      try (Stream<Path> slices = Files.list(RealData.dir().resolve(topic))) {
        for (Path slice : slices.sorted().limit(SLICES_PER_TOPIC).toList()) {
          RealData.copy(slice, source.resolve(topic).resolve(slice.getFileName().toString()));
        }
      }
    }
    otherSource = sources.resolve("other");
    RealData.copy(source, otherSource);
  }

  private static ReplayConfig config(Path results) {
    return new ReplayConfig(
        source, results, SPEEDUP, START, 1, DISORDER, CompressionCodecName.SNAPPY, 2, true);
  }

  /** The same settings, resuming, without a start: the recorded one is taken. */
  private static ReplayConfig resuming(Path results) {
    ReplayConfig config = config(results);
    return new ReplayConfig(
        config.source().path(),
        results,
        config.speedup(),
        null,
        config.loops(),
        config.disorder(),
        config.codec(),
        config.threads(),
        config.quiet(),
        true);
  }

  private static ReplaySummary replay(ReplayConfig config, ReplayClock clock) throws Exception {
    return new Replayer(config, clock, new PrintStream(OutputStream.nullOutputStream())).run();
  }

  /** Replays into {@code results} until {@code published} publications are out, then stops. */
  private static void replayStoppedAfter(Path results, int published) {
    SteppingClock clock = new SteppingClock(BEGIN).stoppingAtWait(published);
    assertThrows(InterruptedException.class, () -> replay(config(results), clock));
    assertThat(ParquetRows.files(results.resolve("input")).size(), is(published));
  }

  @ParameterizedTest(name = "stopped after {0} publications")
  @ValueSource(ints = {0, 1, 17})
  void aStoppedAndResumedReplayEqualsAnUninterruptedOne(int stoppedAfter) throws Exception {
    Path reference = work.resolve("reference");
    ReplaySummary whole = replay(config(reference), new SteppingClock(BEGIN));
    Path results = work.resolve("results");
    replayStoppedAfter(results, stoppedAfter);
    assertThat(Files.exists(results.resolve("input/_REPLAY_COMPLETE")), is(false));
    String recordedState = Files.readString(results.resolve(StreamLayout.REPLAY_STATE));

    Instant resumedAt = BEGIN.plusSeconds(5);
    SteppingClock resumedClock = new SteppingClock(resumedAt);
    ReplaySummary resumed = replay(resuming(results), resumedClock);

    assertThat(published(results.resolve("input")), equalTo(published(reference.resolve("input"))));
    assertThat(markers(results), is(List.of("input/_REPLAY_COMPLETE")));
    assertThat(resumed.resumed(), is(true));
    assertThat(resumed.alreadyPublished(), is(stoppedAfter));
    assertThat(resumed.publishedNow(), is(whole.publications() - stoppedAfter));
    assertThat(Files.readString(results.resolve(StreamLayout.REPLAY_STATE)), is(recordedState));

    List<ReplayLogEntry> log = ReplayLogEntry.readAll(results.resolve(StreamLayout.REPLAY_LOG));
    List<ReplayLogEntry> wholeLog =
        ReplayLogEntry.readAll(reference.resolve(StreamLayout.REPLAY_LOG));
    assertThat(
        "every publication once, on its recorded schedule",
        dueByFile(results, log),
        equalTo(dueByFile(reference, wholeLog)));
    assertThat(log.size(), is(wholeLog.size()));
    List<ReplayLogEntry> beforeStop = log.subList(0, stoppedAfter);
    List<ReplayLogEntry> afterResume = log.subList(stoppedAfter, log.size());
    assertThat(
        beforeStop.stream().map(ReplayLogEntry::publishedMillis).toList(),
        everyItem(lessThan(resumedAt.toEpochMilli())));
    assertThat(
        "some publications were overdue at the resume",
        afterResume.stream().filter(e -> e.dueMillis() < resumedAt.toEpochMilli()).count(),
        greaterThan(0L));
    assertThat(
        "some were not due yet",
        afterResume.stream().filter(e -> e.dueMillis() > resumedAt.toEpochMilli()).count(),
        greaterThan(0L));
    long lastDue = Long.MIN_VALUE;
    for (ReplayLogEntry entry : afterResume) {
      assertThat("published in plan order", entry.dueMillis(), is(not(lessThan(lastDue))));
      lastDue = entry.dueMillis();
      assertThat(
          "overdue at once, the rest when due",
          entry.publishedMillis(),
          is(Math.max(entry.dueMillis(), resumedAt.toEpochMilli())));
    }
    assertThat(ParquetRows.files(results.resolve("staging")), is(empty()));
  }

  @Test
  void aThreadInterruptedMidReplayLeavesWholeFilesAndTheResumeCompletesTheStream()
      throws Exception {
    DisorderPlan disorder = new DisorderPlan(7, 0.3, 0.5);
    ReplayConfig config =
        new ReplayConfig(
            source,
            work.resolve("results"),
            20,
            START,
            1,
            disorder,
            CompressionCodecName.SNAPPY,
            2,
            true);
    Files.createDirectories(config.results().path());
    Path input = realPath(config.results().path()).resolve("input");
    AtomicReference<Throwable> ending = new AtomicReference<>();
    Thread replaying =
        new Thread(
            () -> {
              try {
                replay(config, ReplayClock.SYSTEM);
              } catch (Throwable e) {
                ending.set(e);
              }
            });
    replaying.start();
    while (replaying.isAlive() && publishedFiles(input) < 10) {
      Thread.sleep(5);
    }
    replaying.interrupt();
    replaying.join();

    assertThat(ending.get(), instanceOf(InterruptedException.class));
    List<Path> published = ParquetRows.files(input);
    published.forEach(ParquetRows::read);
    List<ReplayLogEntry> logBeforeResume =
        ReplayLogEntry.readAll(config.results().path().resolve(StreamLayout.REPLAY_LOG));
    assertThat(
        "a log line per published file",
        logBeforeResume.stream().map(e -> Path.of(e.file())).sorted().toList(),
        equalTo(published));

    ReplaySummary resumed = replay(config.withResume(true), ReplayClock.SYSTEM);
    Path reference = work.resolve("reference");
    replay(
        new ReplayConfig(
            source,
            reference,
            Double.POSITIVE_INFINITY,
            START,
            1,
            disorder,
            CompressionCodecName.SNAPPY,
            2,
            true),
        ReplayClock.SYSTEM);

    assertThat(resumed.alreadyPublished(), is(published.size()));
    assertThat(
        withoutRunIds(published(input)),
        equalTo(withoutRunIds(published(reference.resolve("input")))));
    assertThat(markers(config.results().path()), is(List.of("input/_REPLAY_COMPLETE")));
  }

  static Stream<Arguments> changedSettings() {
    return Stream.of(
        Arguments.of(
            "--speedup 8.0 differs from the recorded 4.0",
            (UnaryOperator<ReplayConfig>)
                c -> with(c, 8, c.start(), c.loops(), c.disorder(), c.codec(), c.source().path())),
        Arguments.of(
            "--speedup max differs from the recorded 4.0",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        Double.POSITIVE_INFINITY,
                        c.start(),
                        c.loops(),
                        c.disorder(),
                        c.codec(),
                        c.source().path())),
        Arguments.of(
            "--start 2026-01-02T00:00:00Z differs from the recorded 2026-01-01T00:00:00Z",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        c.speedup(),
                        START.plus(Duration.ofDays(1)),
                        c.loops(),
                        c.disorder(),
                        c.codec(),
                        c.source().path())),
        Arguments.of(
            "--seed 8 differs from the recorded 7",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        c.speedup(),
                        c.start(),
                        c.loops(),
                        new DisorderPlan(8, 0.3, 2),
                        c.codec(),
                        c.source().path())),
        Arguments.of(
            "--late-fraction 0.2 differs from the recorded 0.3",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        c.speedup(),
                        c.start(),
                        c.loops(),
                        new DisorderPlan(7, 0.2, 2),
                        c.codec(),
                        c.source().path())),
        Arguments.of(
            "--max-delay 3.0 differs from the recorded 2.0",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        c.speedup(),
                        c.start(),
                        c.loops(),
                        new DisorderPlan(7, 0.3, 3),
                        c.codec(),
                        c.source().path())),
        Arguments.of(
            "--loop 2 differs from the recorded 1",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(c, c.speedup(), c.start(), 2, c.disorder(), c.codec(), c.source().path())),
        Arguments.of(
            "--codec GZIP differs from the recorded SNAPPY",
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        c.speedup(),
                        c.start(),
                        c.loops(),
                        c.disorder(),
                        CompressionCodecName.GZIP,
                        c.source().path())),
        Arguments.of(
            "--source "
                + realPath(sources.resolve("other"))
                + " differs from the recorded "
                + realPath(sources.resolve("source")),
            (UnaryOperator<ReplayConfig>)
                c ->
                    with(
                        c,
                        c.speedup(),
                        c.start(),
                        c.loops(),
                        c.disorder(),
                        c.codec(),
                        otherSource)));
  }

  private static ReplayConfig with(
      ReplayConfig c,
      double speedup,
      Instant start,
      int loops,
      DisorderPlan disorder,
      CompressionCodecName codec,
      Path source) {
    return new ReplayConfig(
        source,
        c.results().path(),
        speedup,
        start,
        loops,
        disorder,
        codec,
        c.threads(),
        c.quiet(),
        true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedSettings")
  void aResumeWithOtherSettingsIsRefusedAndTouchesNothing(
      String expected, UnaryOperator<ReplayConfig> change) throws Exception {
    Path results = work.resolve("results");
    replayStoppedAfter(results, 5);
    Files.writeString(results.resolve("staging/left-over.parquet"), "half a file");
    Map<String, String> before = contents(results);

    BadInputException refusal =
        assertThrows(
            BadInputException.class,
            () -> replay(change.apply(config(results).withResume(true)), new SteppingClock(BEGIN)));

    assertThat(
        refusal.getMessage(),
        is(
            "cannot resume the replay recorded in "
                + realPath(results).resolve(StreamLayout.REPLAY_STATE)
                + ": "
                + expected
                + "; give the recorded settings, or start afresh without --resume"));
    assertThat(contents(results), equalTo(before));
  }

  @Test
  void aResumeOverChangedSourceFilesIsRefused() throws Exception {
    Path changed = work.resolve("changed");
    RealData.copy(source, changed);
    Path results = work.resolve("results");
    ReplayConfig config = config(results);
    ReplayConfig onChanged =
        new ReplayConfig(changed, results, SPEEDUP, START, 1, DISORDER, config.codec(), 2, true);
    SteppingClock clock = new SteppingClock(BEGIN).stoppingAtWait(5);
    assertThrows(InterruptedException.class, () -> replay(onChanged, clock));
    try (Stream<Path> files = Files.list(changed.resolve("locations/t=000.0"))) {
      Files.delete(files.findFirst().orElseThrow());
    }

    BadInputException refusal =
        assertThrows(
            BadInputException.class,
            () -> replay(onChanged.withResume(true), new SteppingClock(BEGIN)));
    assertThat(refusal.getMessage(), containsString("are not the ones it was replaying"));
  }

  @Test
  void aDamagedStateIsRefusedWithItsName() throws Exception {
    Path results = work.resolve("results");
    replayStoppedAfter(results, 5);
    Files.writeString(results.resolve(StreamLayout.REPLAY_STATE), "{\"version\":1,\"run_id\":\"17");
    Map<String, String> before = contents(results);

    BadInputException refusal =
        assertThrows(
            BadInputException.class, () -> replay(resuming(results), new SteppingClock(BEGIN)));

    assertThat(
        refusal.getMessage(),
        containsString(
            "cannot resume: the replay state "
                + realPath(results).resolve(StreamLayout.REPLAY_STATE)
                + " is unreadable"));
    assertThat(refusal.getMessage(), containsString("start afresh without --resume"));
    assertThat(contents(results), equalTo(before));
  }

  @Test
  void resumingAFinishedReplayPublishesNothing() throws Exception {
    Path results = work.resolve("results");
    ReplaySummary whole = replay(config(results), new SteppingClock(BEGIN));
    Map<String, String> before = contents(results);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SteppingClock clock = new SteppingClock(BEGIN.plusSeconds(3600));

    ReplaySummary again =
        new Replayer(
                resuming(results), clock, new PrintStream(console, true, StandardCharsets.UTF_8))
            .run();

    assertThat(again.alreadyComplete(), is(true));
    assertThat(again.publishedNow(), is(0));
    assertThat(again.alreadyPublished(), is(whole.publications()));
    assertThat(
        again.describe(), containsString("the replay was already complete: nothing published"));
    assertThat(console.toString(StandardCharsets.UTF_8), containsString("was already complete"));
    assertThat(clock.wakeUps, is(empty()));
    assertThat(contents(results), equalTo(before));
  }

  @Test
  void resumingWithoutARecordedReplayStartsAfreshAndSaysSo() throws Exception {
    Path results = work.resolve("results");
    replayStoppedAfter(results, 5);
    Files.delete(results.resolve(StreamLayout.REPLAY_STATE));
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    ReplaySummary fresh =
        new Replayer(
                config(results).withResume(true),
                new SteppingClock(BEGIN.plusSeconds(60)),
                new PrintStream(console, true, StandardCharsets.UTF_8))
            .run();

    assertThat(
        console.toString(StandardCharsets.UTF_8),
        is(
            "no replay state in "
                + realPath(results).resolve(StreamLayout.REPLAY_STATE)
                + ": starting a fresh replay"
                + System.lineSeparator()));
    assertThat(fresh.resumed(), is(false));
    assertOnlyOneFreshReplayIn(results, fresh, BEGIN.plusSeconds(60));
  }

  @Test
  void aFreshStartStillClearsInputAndForgetsTheStoppedReplay() throws Exception {
    Path results = work.resolve("results");
    replayStoppedAfter(results, 5);

    ReplaySummary fresh = replay(config(results), new SteppingClock(BEGIN.plusSeconds(60)));

    assertOnlyOneFreshReplayIn(results, fresh, BEGIN.plusSeconds(60));
  }

  /** Input, log and state hold one whole replay that began at {@code began}, and nothing older. */
  private static void assertOnlyOneFreshReplayIn(Path results, ReplaySummary summary, Instant began)
      throws IOException {
    String runId = Long.toString(began.toEpochMilli());
    List<Path> files = ParquetRows.files(results.resolve("input"));
    assertThat(files.size(), is(summary.publications()));
    assertThat(
        files.stream().map(f -> f.getFileName().toString()).toList(),
        everyItem(containsString("-" + runId + ".parquet")));
    assertThat(
        ReplayLogEntry.readAll(results.resolve(StreamLayout.REPLAY_LOG)).size(),
        is(summary.publications()));
    assertThat(
        Files.readString(results.resolve(StreamLayout.REPLAY_STATE)),
        containsString("\"run_id\":\"" + runId + "\""));
  }

  @Test
  void prepareReadiesTheFolderAndPublishesNothingUntilRun() throws Exception {
    Path results = work.resolve("results");
    replay(config(results), new SteppingClock(BEGIN));

    PreparedReplay prepared =
        new Replayer(
                config(results),
                new SteppingClock(BEGIN.plusSeconds(60)),
                new PrintStream(OutputStream.nullOutputStream()))
            .prepare();

    assertThat(ParquetRows.files(results.resolve("input")), is(empty()));
    assertThat(Files.exists(results.resolve("input/_REPLAY_COMPLETE")), is(false));
    assertThat(Files.exists(results.resolve(StreamLayout.REPLAY_STATE)), is(false));
    assertThat(Files.isDirectory(results.resolve("input/locations")), is(true));
    assertThat(prepared.resumed(), is(false));
    assertThat(prepared.start(), is(START));

    AtomicReference<ReplaySummary> summary = new AtomicReference<>();
    Thread running =
        new Thread(
            () -> {
              try {
                summary.set(prepared.run());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    running.start();
    running.join();
    assertThat(
        ParquetRows.files(results.resolve("input")).size(), is(summary.get().publications()));
    assertThrows(IllegalStateException.class, prepared::run);
  }

  /** Every file below {@code root} with a digest of its bytes, by relative path. */
  private static Map<String, String> contents(Path root) {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        contents.put(
            root.relativize(file).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return contents;
  }

  /** The published files below {@code input} with a digest of their bytes, by relative path. */
  private static Map<String, String> published(Path input) {
    Map<String, String> published = new TreeMap<>(contents(input));
    published.keySet().removeIf(name -> !name.endsWith(".parquet"));
    return published;
  }

  /** The same contents with the run id taken out of the file names. */
  private static Map<String, String> withoutRunIds(Map<String, String> contents) {
    Map<String, String> stripped = new TreeMap<>();
    contents.forEach(
        (name, digest) -> stripped.put(name.replaceAll("-[0-9]+\\.parquet$", ".parquet"), digest));
    return stripped;
  }

  /** Where end-of-stream markers are below {@code results}. */
  private static List<String> markers(Path results) throws IOException {
    try (Stream<Path> walk = Files.walk(results)) {
      return walk.filter(p -> p.getFileName().toString().equals(StreamLayout.END_OF_STREAM_MARKER))
          .map(p -> results.relativize(p).toString())
          .toList();
    }
  }

  /** Each published file, relative to input/, with its due time. */
  private static Map<String, Long> dueByFile(Path results, List<ReplayLogEntry> log) {
    Map<String, Long> due = new TreeMap<>();
    for (ReplayLogEntry entry : log) {
      Long before =
          due.put(
              realPath(results).resolve("input").relativize(Path.of(entry.file())).toString(),
              entry.dueMillis());
      assertThat("logged twice: " + entry.file(), before, is((Long) null));
    }
    return due;
  }

  private static int publishedFiles(Path input) {
    if (!Files.isDirectory(input)) {
      return 0;
    }
    try {
      return ParquetRows.files(input).size();
    } catch (UncheckedIOException e) {
      return 0;
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theSummaryTellsSkippedFromPublishedNow() {
    ReplaySummary summary =
        new ReplaySummary(
            START,
            Duration.ofSeconds(2),
            4,
            10,
            3,
            true,
            false,
            12,
            new TreeMap<>(Map.of("locations", 5L)),
            new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L)),
            List.of());
    assertThat(
        summary.describe(),
        containsString(
            "resumed a replay of 4 slices as 10 publications: 3 already published and skipped, 7 published now: "
                + "12 source files, 5 rows (locations 5)"));
  }
}

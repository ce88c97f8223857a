package io.github.bddreplay.verify;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.oracle.BatchOracle;
import io.github.bddreplay.fixtures.oracle.WindowKey;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify on runs made from the real data set without the pipelines ({@link FakeRun}): the outputs
 * of a correct run pass, and every kind of wrong output fails with a difference naming its route
 * window or row. The answer verify computes in DuckDB is held against the independent Java oracle.
 */
class VerificationTest {
  private static final String SIMPLE_LOCATIONS = "simple locations rows";
  private static final String SIMPLE_ACCELERATIONS = "simple accelerations rows";
  private static final String WINDOWED = "windowed route windows";
  private static final String JOINED = "stream-joined rows";

  @TempDir static Path shared;
  @TempDir Path scratch;

  /** A correct run of the real data set, replayed once; copied by the tests that change it. */
  private static Path correctRun;

  private static BatchOracle oracle;

  @BeforeAll
  static void makeACorrectRun() throws Exception {
    correctRun = shared.resolve("results");
    FakeRun.replay(RealData.dir(), correctRun, 1);
    oracle = BatchOracle.compute(RealData.dir(), micros(FakeRun.START));
    FakeOutputs.of(oracle).write(correctRun);
  }

  @Test
  void theOutputsOfACorrectRunPass() throws IOException {
    VerifyReport report = Verification.of(correctRun).run();

    assertTrue(report.passed(), report.table());
    assertEquals(
        List.of(
            "replay finished",
            "input files readable",
            "dead-lettered input files",
            "late locations rows",
            "late accelerations rows",
            SIMPLE_LOCATIONS,
            SIMPLE_ACCELERATIONS,
            WINDOWED,
            "windowed pane protocol",
            JOINED,
            "output files"),
        report.checks().stream().map(CheckResult::check).toList());
    assertEquals(correctRun.resolve(StreamLayout.INPUT).toString(), report.computedFrom());
  }

  @Test
  void theAnswerHasTheOraclesFiguresFromTheInputAndFromTheSource() throws IOException {
    VerifyReport fromInput = Verification.of(correctRun).run();
    VerifyReport fromSource = Verification.of(correctRun).source(RealData.dir()).run();

    for (VerifyReport report : List.of(fromInput, fromSource)) {
      assertEquals(RealData.LOCATION_ROWS, expected(report, SIMPLE_LOCATIONS));
      assertEquals(RealData.ACCELERATION_ROWS, expected(report, SIMPLE_ACCELERATIONS));
      assertEquals(oracle.windowed().size(), expected(report, WINDOWED));
      assertEquals(oracle.joinedRowCount(), expected(report, JOINED));
      assertTrue(report.passed(), report.table());
    }
    assertThat(fromSource.computedFrom(), containsString("(start 2026-11-24T10:00:00Z, 1 loop)"));
  }

  @Test
  void loopsShiftEventTimesAsTheReplayerDid() throws Exception {
    Path results = scratch.resolve("looped");
    FakeRun.replay(RealData.dir(), results, 2);
    BatchOracle looped = FakeRun.oracleOfInput(results);
    FakeOutputs.of(looped).write(results);

    for (VerifyReport report :
        List.of(
            Verification.of(results).run(),
            Verification.of(results).source(RealData.dir()).run())) {
      assertTrue(report.passed(), report.table());
      assertEquals(2 * RealData.LOCATION_ROWS, expected(report, SIMPLE_LOCATIONS));
      assertEquals(looped.windowed().size(), expected(report, WINDOWED));
      assertEquals(looped.joinedRowCount(), expected(report, JOINED));
    }
  }

  @Test
  void aMissingSimpleFileFailsNamingItsRows() throws IOException {
    Path results = copyOfCorrectRun();
    Path folder = results.resolve("output/simple/locations");
    Path removed;
    try (Stream<Path> files = Files.list(folder)) {
      removed = files.sorted().toList().get(3);
    }
    String windowStart =
        basicToIso(removed.getFileName().toString().substring("window-".length(), 23));
    Files.delete(removed);

    CheckResult check = Verification.of(results).run().check(SIMPLE_LOCATIONS).orElseThrow();

    assertFalse(check.holds());
    assertThat(
        check.differences().get(0), containsString(", " + windowStart + "): missing 1x {'id': "));
  }

  @Test
  void aChangedSimpleValueFailsShowingBothRows() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    GenericRecord row = outputs.simple.get(Topic.LOCATIONS.folderName()).get(10);
    row.put("speed", 123.25);
    rewriteOutputs(results, outputs);

    CheckResult check = Verification.of(results).run().check(SIMPLE_LOCATIONS).orElseThrow();

    assertFalse(check.holds());
    assertEquals(RealData.LOCATION_ROWS + " (1 route window differs)", check.found());
    WindowKey key = WindowKey.containing(row.get("uuid").toString(), (Long) row.get("timestamp"));
    assertEquals(2, check.differences().size(), check.differences().toString());
    assertThat(check.differences().get(0), startsWith(routeWindow(key) + ": "));
    assertThat(String.join("\n", check.differences()), containsString("not expected 1x {"));
    assertThat(String.join("\n", check.differences()), containsString("'speed': 123.25"));
    assertThat(String.join("\n", check.differences()), containsString("missing 1x {"));
  }

  @Test
  void aChangedMeanFailsNamingItsRouteWindow() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    WindowKey key = firstWindowWithMean();
    GenericRecord last = FakeOutputs.find(outputs.windowed, key, 1);
    last.put("mean_speed", (Double) last.get("mean_speed") + 1e-6);
    rewriteOutputs(results, outputs);

    CheckResult check = Verification.of(results).run().check(WINDOWED).orElseThrow();

    assertFalse(check.holds());
    assertEquals(1, check.differences().size(), check.differences().toString());
    assertThat(check.differences().get(0), startsWith(routeWindow(key) + ": expected mean_speed="));
    assertThat(check.differences().get(0), containsString("(pane 1 ON_TIME)"));
  }

  @Test
  void aMeanWithinTheToleranceHolds() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    GenericRecord last = FakeOutputs.find(outputs.windowed, firstWindowWithMean(), 1);
    last.put("mean_speed", (Double) last.get("mean_speed") + WindowedCheck.MEAN_TOLERANCE / 2);
    rewriteOutputs(results, outputs);

    assertTrue(Verification.of(results).run().check(WINDOWED).orElseThrow().holds());
  }

  @Test
  void aDoubledJoinedRowFailsNamingItsRouteWindow() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    GenericRecord row = outputs.joined.get(outputs.joined.size() - 1);
    outputs.joined.add(row);
    rewriteOutputs(results, outputs);

    CheckResult check = Verification.of(results).run().check(JOINED).orElseThrow();

    assertFalse(check.holds());
    assertEquals(
        Long.toString(oracle.joinedRowCount() + 1) + " (1 route window differs)", check.found());
    assertThat(
        check.differences().get(0), startsWith(routeWindow(FakeOutputs.key(row)) + ": expected "));
    assertThat(
        check.differences().get(0),
        containsString("0 missing, 1 not expected, first not expected 1x {"));
  }

  @Test
  void aRemovedFinalPaneFailsNamingItsRouteWindow() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    WindowKey key = firstWindowWithMean();
    outputs.windowed.remove(FakeOutputs.find(outputs.windowed, key, 1));
    rewriteOutputs(results, outputs);

    VerifyReport report = Verification.of(results).run();
    CheckResult check = report.check(WINDOWED).orElseThrow();

    assertFalse(check.holds());
    assertThat(check.differences().get(0), startsWith(routeWindow(key) + ": expected "));
    assertThat(check.differences().get(0), containsString("(pane 0 EARLY)"));
    assertTrue(
        report.check("windowed pane protocol").orElseThrow().holds(), "pane 0 alone is a protocol");
  }

  @Test
  void aWrongJoinedRowFailsWithItsRouteWindowAndRows() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    GenericRecord row = outputs.joined.get(outputs.joined.size() - 1);
    GenericRecord changed = new GenericData.Record(FakeOutputs.JOINED);
    FakeOutputs.JOINED
        .getFields()
        .forEach(field -> changed.put(field.name(), row.get(field.name())));
    changed.put("acc_x", 99.5);
    outputs.joined.set(outputs.joined.size() - 1, changed);
    rewriteOutputs(results, outputs);

    CheckResult check = Verification.of(results).run().check(JOINED).orElseThrow();

    assertFalse(check.holds());
    assertEquals(
        Long.toString(oracle.joinedRowCount()) + " (1 route window differs)", check.found());
    assertThat(check.differences().get(0), containsString("1 missing, 1 not expected"));
  }

  @Test
  void aHalfWrittenFileAndAStrayFileInTheOutputFailAndAreNotRead() throws IOException {
    Path results = copyOfCorrectRun();
    Path leftover = results.resolve("output/windowed/.writing-x.parquet");
    Path notes = results.resolve("output/notes.txt");
    Files.writeString(leftover, "half a file");
    Files.writeString(notes, "not data");

    VerifyReport report = Verification.of(results).run();
    CheckResult check = report.check("output files").orElseThrow();

    assertFalse(check.holds());
    assertEquals("2 stray", check.found());
    assertThat(check.differences(), hasItem(notes + ": not a Parquet file"));
    assertThat(check.differences(), hasItem(leftover + ": left half-written"));
    assertEquals(
        List.of("output files"),
        report.checks().stream().filter(c -> !c.holds()).map(CheckResult::check).toList());
  }

  @Test
  void aDeadLetteredInputFileIsLeftOutOfTheAnswer() throws Exception {
    Path results = copyOfCorrectRun();
    Path bad = firstInputFile(results, Topic.ACCELERATIONS.folderName());
    Files.delete(bad);
    BatchOracle withoutIt = FakeRun.oracleOfInput(results);
    rewriteOutputs(results, FakeOutputs.of(withoutIt));
    Files.writeString(bad, "not parquet");
    Path input = results.resolve(StreamLayout.INPUT);
    Path letter = results.resolve("errors").resolve(input.relativize(bad) + ".txt");
    Files.createDirectories(letter.getParent());
    Files.writeString(letter, "path: " + bad + "\nreason: not a readable Parquet file\n");

    VerifyReport report = Verification.of(results).run();

    assertTrue(report.passed(), report.table());
    CheckResult check = report.check("dead-lettered input files").orElseThrow();
    assertEquals("1", check.found());
    assertEquals(List.of(bad + ": not a readable Parquet file"), check.differences());
    assertEquals(withoutIt.source().accelerations().size(), expected(report, SIMPLE_ACCELERATIONS));
    assertTrue(withoutIt.source().accelerations().size() < RealData.ACCELERATION_ROWS);
  }

  @Test
  void aDeadLetteredLatePublicationIsLeftOutOfTheAnswerFromTheSourceToo() throws Exception {
    Path results = scratch.resolve("disordered");
    FakeRun.replay(RealData.dir(), results, 1, new DisorderPlan(7, 0.3, 0.5));
    Path late = latePublication(results);
    Files.delete(late);
    FakeOutputs.of(FakeRun.oracleOfInput(results)).write(results);
    Files.writeString(late, "not parquet");
    Path input = results.resolve(StreamLayout.INPUT);
    String name = input.relativize(late).toString();
    Path letter = results.resolve("errors").resolve(name + ".txt");
    Files.createDirectories(letter.getParent());
    Files.writeString(letter, "path: " + late + "\nreason: cannot decode record 1\n");

    VerifyReport fromInput = Verification.of(results).run();
    VerifyReport fromSource = Verification.of(results).source(RealData.dir()).run();

    assertTrue(fromInput.passed(), fromInput.table());
    assertTrue(fromSource.passed(), fromSource.table());
    assertEquals(
        List.of(name + ": cannot decode record 1"),
        fromSource.check("dead-lettered input files").orElseThrow().differences());
  }

  @Test
  void anEmptyOutputFolderHasNoRows() throws IOException {
    Path results = copyOfCorrectRun();
    deleteRecursively(results.resolve("output/windowed"));
    Files.createDirectories(results.resolve("output/windowed"));

    CheckResult check = Verification.of(results).run().check(WINDOWED).orElseThrow();

    assertFalse(check.holds());
    assertEquals("0 (" + oracle.windowed().size() + " differ)", check.found());
    assertThat(check.differences().get(0), containsString(": missing; expected mean_speed="));
  }

  /**
   * Rows without uuid belong to no route: in simple, in no windowed or joined row. Their row-level
   * dead letter ({@code .rows.txt}) is not a dead-lettered file.
   */
  @Test
  void rowsWithoutUuidAreInSimpleOnly() throws Exception {
    Path results = copyOfCorrectRun();
    Path input = results.resolve(StreamLayout.INPUT);
    long anonymous = 0;
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      Path file = firstInputFile(results, topic);
      anonymous += withoutUuid(file);
      Path letter = results.resolve("errors").resolve(input.relativize(file) + ".rows.txt");
      Files.createDirectories(letter.getParent());
      Files.writeString(letter, "path: " + file + "\nreason: rows without uuid\nrecords: 1\n");
    }
    VerifyReport withRoutedOutputs = Verification.of(results).run();
    BatchOracle answer = FakeRun.oracleOfInput(results);
    rewriteOutputs(results, FakeOutputs.of(answer));

    VerifyReport report = Verification.of(results).run();

    assertTrue(anonymous > 0);
    assertEquals(anonymous, answer.rowsWithoutUuid());
    assertTrue(report.passed(), report.table());
    assertEquals("0", report.check("dead-lettered input files").orElseThrow().found());
    assertEquals(RealData.LOCATION_ROWS, expected(report, SIMPLE_LOCATIONS));
    assertEquals(answer.windowed().size(), expected(report, WINDOWED));
    assertEquals(answer.joinedRowCount(), expected(report, JOINED));
    // The outputs of the run before, where those rows still had their car, count them in routes.
    assertFalse(withRoutedOutputs.check(WINDOWED).orElseThrow().holds());
    assertFalse(withRoutedOutputs.check(JOINED).orElseThrow().holds());
  }

  /**
   * Rows the pipelines received after their window's lateness are in the late-data output, not in
   * the others: verify takes them out of the answer, and a late row that is not a row of the input
   * fails, named.
   */
  @Test
  void rowsInTheLateOutputAreTakenOutOfTheAnswerAndMustBeRowsOfTheInput() throws Exception {
    Path results = copyOfCorrectRun();
    Path lateFile = firstInputFile(results, Topic.LOCATIONS.folderName());
    List<GenericRecord> lateRows = readRows(lateFile);
    Path moved = scratch.resolve("aside.parquet");
    Files.move(lateFile, moved);
    rewriteOutputs(results, FakeOutputs.of(FakeRun.oracleOfInput(results)));
    Files.move(moved, lateFile);
    Path late =
        results.resolve(StreamLayout.OUTPUT).resolve("late").resolve(Topic.LOCATIONS.folderName());
    Files.createDirectories(late);
    writeRows(late.resolve("window-late.parquet"), lateRows);

    VerifyReport report = Verification.of(results).run();

    assertTrue(report.passed(), report.table());
    assertEquals(
        Integer.toString(lateRows.size()),
        report.check("late locations rows").orElseThrow().found());
    assertEquals("0", report.check("late accelerations rows").orElseThrow().found());
    assertEquals(RealData.LOCATION_ROWS - lateRows.size(), expected(report, SIMPLE_LOCATIONS));

    GenericRecord invented = lateRows.get(0);
    invented.put("timestamp", (Long) invented.get("timestamp") + 1);
    writeRows(late.resolve("window-late.parquet"), lateRows);
    CheckResult check = Verification.of(results).run().check("late locations rows").orElseThrow();
    assertFalse(check.holds());
    assertThat(
        check.differences().get(0),
        startsWith("not a row of the answer: uuid " + invented.get("uuid")));
  }

  private static List<GenericRecord> readRows(Path file) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = ParquetFiles.openReader(file)) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static void writeRows(Path file, List<GenericRecord> rows) throws IOException {
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.openWriter(file, rows.get(0).getSchema(), CompressionCodecName.SNAPPY)) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }

  /** Rewrites {@code file} with every row's uuid removed; returns the rows. */
  private static long withoutUuid(Path file) throws IOException {
    List<GenericRecord> rows = readRows(file);
    rows.forEach(row -> row.put("uuid", null));
    writeRows(file, rows);
    return rows.size();
  }

  @Test
  void anUnreadableInputFileWithoutDeadLetterFailsNamingIt() throws IOException {
    Path results = copyOfCorrectRun();
    Path bad = firstInputFile(results, Topic.LOCATIONS.folderName());
    Files.writeString(bad, "not parquet");

    VerifyReport report = Verification.of(results).run();
    CheckResult check = report.check("input files readable").orElseThrow();

    assertFalse(check.holds());
    assertEquals(1, check.differences().size());
    assertThat(check.differences().get(0), startsWith(bad + ": not read, no dead letter for it: "));
    assertTrue(
        report.check(SIMPLE_ACCELERATIONS).orElseThrow().holds(), "the other files are read");
  }

  @Test
  void panesOutOfProtocolFailNamingTheirRouteWindows() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    List<WindowKey> keys = oracle.windowed().keySet().stream().limit(3).toList();
    FakeOutputs.find(outputs.windowed, keys.get(0), 1).put("pane_index", 2L);
    FakeOutputs.find(outputs.windowed, keys.get(1), 0).put("pane_timing", FakeOutputs.ON_TIME);
    GenericRecord early = FakeOutputs.find(outputs.windowed, keys.get(2), 0);
    GenericRecord onTime = FakeOutputs.find(outputs.windowed, keys.get(2), 1);
    early.put("pane_timing", FakeOutputs.ON_TIME);
    onTime.put("pane_timing", FakeOutputs.EARLY);
    rewriteOutputs(results, outputs);

    CheckResult check =
        Verification.of(results).run().check("windowed pane protocol").orElseThrow();

    assertFalse(check.holds());
    assertThat(check.found(), startsWith("3 violations"));
    assertEquals(
        List.of(
            routeWindow(keys.get(0))
                + ": panes 0 EARLY, 2 ON_TIME: indices are not 0..1 without gaps",
            routeWindow(keys.get(1)) + ": panes 0 ON_TIME, 1 ON_TIME: 2 ON_TIME panes",
            routeWindow(keys.get(2))
                + ": panes 0 ON_TIME, 1 EARLY: EARLY pane 1 after ON_TIME pane 0"),
        check.differences());
  }

  @Test
  void aPaneWithASecondRowOfAnotherTimingFails() throws IOException {
    Path results = copyOfCorrectRun();
    FakeOutputs outputs = FakeOutputs.of(oracle);
    WindowKey key = firstWindowWithMean();
    GenericRecord onTime = FakeOutputs.find(outputs.windowed, key, 1);
    GenericRecord late = new GenericData.Record(FakeOutputs.WINDOWED);
    FakeOutputs.WINDOWED
        .getFields()
        .forEach(field -> late.put(field.name(), onTime.get(field.name())));
    late.put("pane_timing", "LATE");
    outputs.windowed.add(late);
    rewriteOutputs(results, outputs);

    CheckResult check =
        Verification.of(results).run().check("windowed pane protocol").orElseThrow();

    assertFalse(check.holds());
    assertEquals(
        List.of(
            routeWindow(key)
                + ": panes 0 EARLY, 1 LATE: panes [1] have rows of several timings;"
                + " a pane has 2 rows instead of one"),
        check.differences());
  }

  @Test
  void aMissingOutputFailsUnlessItsPipelineIsLeftOut() throws IOException {
    Path results = copyOfCorrectRun();
    deleteRecursively(results.resolve("output/stream-joined"));

    VerifyReport all = Verification.of(results).run();
    VerifyReport selected =
        Verification.of(results).pipelines(EnumSet.of(Pipeline.SIMPLE, Pipeline.WINDOWED)).run();

    CheckResult joined = all.check(JOINED).orElseThrow();
    assertFalse(joined.holds());
    assertEquals(Long.toString(oracle.joinedRowCount()), joined.expected());
    assertThat(
        joined.differences().get(0),
        startsWith("no folder " + results.resolve("output/stream-joined")));
    assertTrue(selected.passed(), selected.table());
    assertTrue(selected.check(JOINED).isEmpty());
  }

  @Test
  void anUnfinishedReplayFails() throws IOException {
    Path results = copyOfCorrectRun();
    Files.delete(results.resolve(StreamLayout.INPUT).resolve(StreamLayout.END_OF_STREAM_MARKER));

    CheckResult check = Verification.of(results).run().check("replay finished").orElseThrow();

    assertFalse(check.holds());
    assertEquals("missing", check.found());
  }

  private static long expected(VerifyReport report, String check) {
    return Long.parseLong(report.check(check).orElseThrow().expected());
  }

  private Path copyOfCorrectRun() {
    Path copy = scratch.resolve("results");
    RealData.copy(correctRun, copy);
    return copy;
  }

  private static void rewriteOutputs(Path results, FakeOutputs outputs) throws IOException {
    deleteRecursively(results.resolve(StreamLayout.OUTPUT));
    outputs.write(results);
  }

  private static WindowKey firstWindowWithMean() {
    return oracle.windowed().entrySet().stream()
        .filter(entry -> entry.getValue().meanSpeed() != null && entry.getValue().fixCount() > 1)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static Path firstInputFile(Path results, String topic) throws IOException {
    try (Stream<Path> walk = Files.walk(results.resolve(StreamLayout.INPUT).resolve(topic))) {
      return walk.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
  }

  /** An input file published late: a slice's second publication, p001. */
  private static Path latePublication(Path results) throws IOException {
    try (Stream<Path> walk = Files.walk(results.resolve(StreamLayout.INPUT))) {
      return walk.filter(file -> file.getFileName().toString().startsWith("p001-"))
          .sorted()
          .findFirst()
          .orElseThrow(() -> new AssertionError("the disorder published no file late"));
    }
  }

  private static String routeWindow(WindowKey key) {
    return RouteWindow.name(key.uuid(), key.windowStartMicros());
  }

  /** 20261124T100015Z as 2026-11-24T10:00:15Z. */
  private static String basicToIso(String basic) {
    return basic.substring(0, 4)
        + "-"
        + basic.substring(4, 6)
        + "-"
        + basic.substring(6, 11)
        + ":"
        + basic.substring(11, 13)
        + ":"
        + basic.substring(13);
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

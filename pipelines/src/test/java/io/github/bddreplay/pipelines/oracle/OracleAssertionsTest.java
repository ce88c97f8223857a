package io.github.bddreplay.pipelines.oracle;

import static io.github.bddreplay.pipelines.oracle.TinySource.START_MICROS;
import static io.github.bddreplay.pipelines.oracle.TinySource.writeParquet;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bddreplay.parquet.BddSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assertions accept what a correct pipeline writes for a tiny replay, written here by hand
 * from answers worked out in advance, and reject each kind of wrong output with a message that
 * shows the difference. A wrong output is made by adding a later pane that supersedes a right one.
 */
class OracleAssertionsTest {
  private static final String L = BddSchemas.LOCATIONS;
  private static final String A = BddSchemas.ACCELERATIONS;
  private static final WindowKey A_FIRST = WindowKey.containing("a", START_MICROS);
  private static final WindowKey A_SECOND = WindowKey.containing("a", START_MICROS + 15_000_000L);
  private static final WindowKey B_FIRST = WindowKey.containing("b", START_MICROS);
  private static final Pane EARLY = new Pane(0, Pane.EARLY);
  private static final Pane ON_TIME = new Pane(1, Pane.ON_TIME);
  private static final Pane LATE = new Pane(2, Pane.LATE);

  @TempDir Path dir;
  private Path out;
  private BatchOracle oracle;
  private GenericRecord locA1;
  private GenericRecord locA2;
  private GenericRecord locA3;
  private GenericRecord locB;
  private GenericRecord accA1;
  private GenericRecord accA2;
  private GenericRecord accA3;

  @BeforeEach
  void replayTinySourceAndWriteWhatACorrectPipelineWrites() throws IOException {
    TinySource source = new TinySource(dir.resolve("source"));
    locA1 = source.location("a", "ride-a", 1.0, 10.0);
    locA2 = source.location("a", "ride-a", 2.0, 11.0);
    locA3 = source.location("a", "ride-a", 16.0, -1.0);
    locB = source.location("b", null, 3.0, 5.0);
    accA1 = source.acceleration("a", "ride-a", 1.5);
    accA2 = source.acceleration("a", "ride-a", 2.5);
    accA3 = source.acceleration("a", "ride-a", 17.0);
    source.write(L, "000.0", "a", List.of(locA1, locA2));
    source.write(L, "000.0", "b", List.of(locB));
    source.write(L, "014.9", "a", List.of(locA3));
    source.write(A, "000.0", "a", List.of(accA1, accA2));
    source.write(A, "014.9", "a", List.of(accA3));
    oracle = BatchOracle.compute(source.root(), START_MICROS);

    out = dir.resolve("output");
    for (GenericRecord row : List.of(locA1, locA2, locA3, locB, accA1, accA2, accA3)) {
      row.put("timestamp", START_MICROS + (long) ((Double) row.get("offset") * 1_000_000));
    }
    writeSimple(L, "part-0", List.of(locA1, locA2, locB));
    writeSimple(L, "part-1", List.of(locA3));
    writeSimple(A, "part-0", List.of(accA1, accA2, accA3));
    writeWindowed(
        "early",
        FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.0, 1, 0, EARLY),
        FakeOutputs.windowedRow(B_FIRST, null, 5.0, 1, 0, EARLY));
    writeWindowed(
        "on-time",
        FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.5, 2, 0, ON_TIME),
        FakeOutputs.windowedRow(A_SECOND, "ride-a", null, 0, 1, ON_TIME),
        FakeOutputs.windowedRow(B_FIRST, null, 5.0, 1, 0, ON_TIME));
    writeJoined(
        "early",
        FakeOutputs.joinedRow(A_FIRST, locA1, accA1, EARLY),
        FakeOutputs.joinedRow(B_FIRST, locB, null, EARLY));
    writeJoined(
        "on-time",
        FakeOutputs.joinedRow(A_FIRST, locA1, accA1, ON_TIME),
        FakeOutputs.joinedRow(A_FIRST, locA1, accA2, ON_TIME),
        FakeOutputs.joinedRow(A_FIRST, locA2, accA1, ON_TIME),
        FakeOutputs.joinedRow(A_FIRST, locA2, accA2, ON_TIME),
        FakeOutputs.joinedRow(A_SECOND, locA3, accA3, ON_TIME),
        FakeOutputs.joinedRow(B_FIRST, locB, null, ON_TIME));
  }

  private void writeSimple(String topic, String name, List<GenericRecord> rows) throws IOException {
    writeParquet(
        out.resolve("simple").resolve(topic).resolve(name + ".parquet"),
        BddSchemas.toAvro(BddSchemas.parquetSchema(topic)),
        rows);
  }

  private void writeWindowed(String name, GenericRecord... rows) throws IOException {
    writeParquet(
        out.resolve("windowed").resolve(name + ".parquet"), FakeOutputs.WINDOWED, List.of(rows));
  }

  private void writeJoined(String name, GenericRecord... rows) throws IOException {
    writeParquet(
        out.resolve("stream-joined").resolve(name + ".parquet"), FakeOutputs.JOINED, List.of(rows));
  }

  private PipelineOutputReader reader() {
    return PipelineOutputReader.at(out);
  }

  private void assertSimple() throws IOException {
    for (String topic : List.of(L, A)) {
      SimpleOutput simple = reader().simple(topic);
      OracleAssertions.assertSimpleEquals(topic, oracle.simpleRows(topic), simple);
      OracleAssertions.assertSimpleSchema(topic, simple);
    }
  }

  private void assertWindowed() throws IOException {
    OracleAssertions.assertWindowedEquals(oracle.windowed(), reader().windowed());
  }

  private void assertJoined() throws IOException {
    OracleAssertions.assertJoinEquals(oracle.joined(), reader().joined());
  }

  private static void assertFailsShowing(Executable assertion, String... shown) {
    AssertionError error = assertThrows(AssertionError.class, assertion);
    for (String text : shown) {
      assertTrue(error.getMessage().contains(text), "'" + text + "' not in:\n" + error.getMessage());
    }
  }

  @Test
  void theOutputOfACorrectPipelinePasses() throws IOException {
    assertSimple();
    assertWindowed();
    assertJoined();
  }

  @Test
  void meansMayDifferByTheToleranceButNoMore() throws IOException {
    writeWindowed("late", FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.5 + 5e-10, 2, 0, LATE));
    assertWindowed();

    writeWindowed("late", FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.5 + 1e-8, 2, 0, LATE));
    assertFailsShowing(
        this::assertWindowed,
        "1 windows with other values",
        A_FIRST.toString(),
        "expected ride_id in [ride-a], mean_speed=10.5, fix_count=2",
        "got      ride_id=ride-a, mean_speed=10.50000001");
  }

  @Test
  void aMeanWhereNoneIsExpectedFails() throws IOException {
    writeWindowed("late", FakeOutputs.windowedRow(A_SECOND, "ride-a", 0.0, 0, 1, LATE));

    assertFailsShowing(this::assertWindowed, "mean_speed=null", "mean_speed=0.0");
  }

  @Test
  void otherCountsFail() throws IOException {
    writeWindowed("late", FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.5, 2, 1, LATE));

    assertFailsShowing(this::assertWindowed, "invalid_speed_count=0", "invalid_speed_count=1");
  }

  @Test
  void aRideIdOtherThanTheWindowsFails() throws IOException {
    writeWindowed(
        "late",
        FakeOutputs.windowedRow(A_FIRST, null, 10.5, 2, 0, LATE),
        FakeOutputs.windowedRow(B_FIRST, "ride-a", 5.0, 1, 0, LATE));

    assertFailsShowing(this::assertWindowed, "2 windows with other values", "ride_id null");
  }

  @Test
  void missingAndUnexpectedWindowsAreNamed() throws IOException {
    WindowKey wrongEnd =
        new WindowKey("b", B_FIRST.windowStartMicros(), B_FIRST.windowEndMicros() + 1_000_000L);
    writeWindowed(
        "on-time",
        FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.5, 2, 0, ON_TIME),
        FakeOutputs.windowedRow(A_SECOND, "ride-a", null, 0, 1, ON_TIME),
        FakeOutputs.windowedRow(wrongEnd, null, 5.0, 1, 0, ON_TIME));
    writeWindowed("early", FakeOutputs.windowedRow(A_FIRST, "ride-a", 10.0, 1, 0, EARLY));

    assertFailsShowing(
        this::assertWindowed,
        "1 route windows missing",
        B_FIRST + ": expected",
        "1 route windows not expected",
        wrongEnd + ": got");
  }

  @Test
  void aJoinedRowTooManyOrTooFewFails() throws IOException {
    writeJoined(
        "late",
        FakeOutputs.joinedRow(A_FIRST, locA1, accA1, LATE),
        FakeOutputs.joinedRow(A_FIRST, locA1, accA1, LATE),
        FakeOutputs.joinedRow(A_FIRST, locA1, accA2, LATE),
        FakeOutputs.joinedRow(A_FIRST, locA2, accA1, LATE));

    assertFailsShowing(
        this::assertJoined,
        "1 route windows with other rows",
        A_FIRST + " (expected 4 rows, got 4 in pane 2 LATE)",
        "1 rows missing",
        "loc_id=\"loc-2\"",
        "acc_id=\"acc-6\"",
        "1 rows not expected",
        "1x {loc_id=\"loc-1\"");
  }

  @Test
  void aJoinedRowWithAnyOtherValueFails() throws IOException {
    GenericRecord shifted = new GenericData.Record(BddSchemas.ACCELERATIONS_AVRO);
    for (Schema.Field field : BddSchemas.ACCELERATIONS_AVRO.getFields()) {
      shifted.put(field.name(), accA3.get(field.name()));
    }
    shifted.put("z", Math.nextUp((Double) accA3.get("z")));
    writeJoined("late", FakeOutputs.joinedRow(A_SECOND, locA3, shifted, LATE));

    assertFailsShowing(this::assertJoined, "acc_z=9.810000000000002", "acc_z=9.81");
  }

  @Test
  void aJoinedRowPaddedWhereAPartnerExistsFails() throws IOException {
    writeJoined(
        "late",
        FakeOutputs.joinedRow(A_SECOND, locA3, null, LATE),
        FakeOutputs.joinedRow(A_SECOND, null, accA3, LATE));

    assertFailsShowing(this::assertJoined, "expected 1 rows, got 2", "acc_id=null");
  }

  @Test
  void aSimpleRowMissingOrDuplicatedFails() throws IOException {
    writeSimple(L, "part-1", List.of(locA1));

    assertFailsShowing(
        this::assertSimple,
        "simple locations output differs",
        "expected 4 rows, got 4 in 2 files",
        "1 rows missing",
        "id=\"loc-3\"",
        "1 rows not expected",
        "1x {id=\"loc-1\"");
  }

  @Test
  void aSimpleRowWithoutTheReplayedTimestampFails() throws IOException {
    locA3.put("timestamp", 1_480_000_000L);
    writeSimple(L, "part-1", List.of(locA3));

    assertFailsShowing(this::assertSimple, "timestamp=1480000000");
  }

  @Test
  void aSimpleOutputWithAnExtraColumnFailsTheSchemaCheck() throws IOException {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : BddSchemas.ACCELERATIONS_AVRO.getFields()) {
      fields.add(new Schema.Field(field.name(), field.schema()));
    }
    fields.add(new Schema.Field("pane_index", Schema.create(Schema.Type.LONG)));
    Schema widened = Schema.createRecord("schema", null, null, false, fields);
    List<GenericRecord> rows = new ArrayList<>();
    for (GenericRecord row : List.of(accA1, accA2, accA3)) {
      GenericRecord copy = new GenericData.Record(widened);
      BddSchemas.ACCELERATIONS_AVRO.getFields().forEach(f -> copy.put(f.name(), row.get(f.name())));
      copy.put("pane_index", 0L);
      rows.add(copy);
    }
    writeParquet(out.resolve("simple").resolve(A).resolve("part-0.parquet"), widened, rows);
    SimpleOutput simple = reader().simple(A);
    OracleAssertions.assertSimpleEquals(A, oracle.simpleRows(A), simple);

    assertFailsShowing(
        () -> OracleAssertions.assertSimpleSchema(A, simple),
        "another schema than the source's",
        "required int64 pane_index");
  }
}

package io.github.bddreplay.replayer.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged sources and unsafe results folders: clear messages, and the good data still replayed. */
class ReplayerBadInputTest {
  @TempDir Path work;
  private Path source;
  private Path results;
  private long goodRows;

  @BeforeEach
  void copyThreeSlicesOfTheRealData() throws Exception {
    source = work.resolve("source");
    results = work.resolve("results");
    for (String topic : List.of("locations", "accelerations")) {
      for (String slice : List.of("t=000.0", "t=004.5", "t=007.8")) {
        RealData.copy(
            RealData.dir().resolve(topic).resolve(slice), source.resolve(topic).resolve(slice));
      }
    }
    goodRows = ParquetRows.files(source).stream().mapToLong(f -> ParquetRows.read(f).size()).sum();
  }

  private ReplaySummary replay() throws Exception {
    ReplayConfig config =
        new ReplayConfig(
            source,
            results,
            Double.POSITIVE_INFINITY,
            Instant.parse("2026-11-24T00:00:00Z"),
            1,
            DisorderPlan.NONE,
            CompressionCodecName.SNAPPY,
            2,
            true);
    return new Replayer(
            config, ReplayClock.SYSTEM, new PrintStream(OutputStream.nullOutputStream()))
        .run();
  }

  private long publishedRows() {
    return ParquetRows.files(results.resolve("input")).stream()
        .mapToLong(f -> ParquetRows.read(f).size())
        .sum();
  }

  private void assertWarnedAndReplayedTheRest(ReplaySummary summary, Matcher<String> warning) {
    assertThat(summary.warnings(), hasSize(1));
    assertThat(summary.warnings(), hasItem(warning));
    assertThat(summary.rows(), is(goodRows));
    assertThat(publishedRows(), is(goodRows));
  }

  @Test
  void aSliceFolderWithABadNameIsReportedAndSkipped() throws Exception {
    Path bad = source.resolve("locations/t=later");
    RealData.copy(source.resolve("locations/t=000.0"), bad);

    assertWarnedAndReplayedTheRest(
        replay(), containsString(bad + ": not a slice folder named t=NNN.N"));
  }

  @Test
  void aCorruptParquetFileIsReportedAndTheRestOfItsSliceReplayed() throws Exception {
    Path corrupt = source.resolve("accelerations/t=004.5/corrupt.parquet");
    byte[] real =
        Files.readAllBytes(ParquetRows.files(source.resolve("accelerations/t=000.0")).get(0));
    Files.write(corrupt, Arrays.copyOf(real, real.length / 2));

    assertWarnedAndReplayedTheRest(
        replay(), containsString(corrupt + ": not a readable Parquet file"));
  }

  @Test
  void aFileWhoseSchemaDiffersIsReportedWithTheDifference() throws Exception {
    Path odd = source.resolve("locations/t=004.5/odd.parquet");
    MessageType withoutCourse =
        Types.buildMessage()
            .addFields(
                Topic.LOCATIONS.parquetSchema().getFields().stream()
                    .filter(f -> !f.getName().equals("course"))
                    .toArray(org.apache.parquet.schema.Type[]::new))
            .named("schema");
    Schema avro = Topic.toAvro(withoutCourse);
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.openWriter(odd, avro, CompressionCodecName.GZIP)) {
      GenericRecord row = new GenericData.Record(avro);
      row.put("uuid", "car");
      row.put("offset", 5.0);
      writer.write(row);
    }

    assertWarnedAndReplayedTheRest(
        replay(),
        containsString(odd + ": schema differs from the topic's (missing column course)"));
  }

  @Test
  void aStrayFileIsReportedAndSkipped() throws Exception {
    Path stray = source.resolve("locations/t=000.0/notes.txt");
    Files.writeString(stray, "not data");
    Files.writeString(source.resolve("locations/t=000.0/_SUCCESS"), "");

    assertWarnedAndReplayedTheRest(replay(), containsString(stray + ": not a .parquet file"));
  }

  @Test
  void aMissingSourceFolderIsAClearError() {
    source = work.resolve("nowhere");
    BadInputException e = assertThrows(BadInputException.class, this::replay);
    assertThat(e.getMessage(), containsString("source folder " + source + " does not exist"));
  }

  @Test
  void anEmptySourceFolderIsAClearError() throws Exception {
    source = Files.createDirectories(work.resolve("empty"));
    BadInputException e = assertThrows(BadInputException.class, this::replay);
    assertThat(e.getMessage(), containsString("holds no <topic>/t=NNN.N/*.parquet slices"));
  }

  @Test
  void refusesTheFileSystemRootTheSourceAndForeignFoldersAsResults() throws Exception {
    results = Paths.get("/");
    assertThat(
        assertThrows(BadInputException.class, this::replay).getMessage(),
        containsString("file system root"));

    results = source;
    assertThat(
        assertThrows(BadInputException.class, this::replay).getMessage(),
        containsString("holds the source data"));

    results = source.resolve("locations/out");
    assertThat(
        assertThrows(BadInputException.class, this::replay).getMessage(),
        containsString("into the source folder"));

    results = Files.createDirectories(work.resolve("someone-elses"));
    Files.writeString(results.resolve("thesis.tex"), "precious");
    assertThat(
        assertThrows(BadInputException.class, this::replay).getMessage(),
        containsString("was not created by the replayer"));
    assertThat(Files.readString(results.resolve("thesis.tex")), is("precious"));
  }

  @Test
  void aSecondReplayClearsTheFirstButKeepsTheTopicFolders() throws Exception {
    replay();
    Object topicFolderKey =
        Files.readAttributes(
                results.resolve("input/locations"),
                java.nio.file.attribute.BasicFileAttributes.class)
            .fileKey();
    replay();

    assertThat(publishedRows(), is(goodRows));
    assertThat(
        Files.readAttributes(
                results.resolve("input/locations"),
                java.nio.file.attribute.BasicFileAttributes.class)
            .fileKey(),
        is(topicFolderKey));
  }
}

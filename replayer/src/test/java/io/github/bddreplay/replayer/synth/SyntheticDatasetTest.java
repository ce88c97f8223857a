package io.github.bddreplay.replayer.synth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.SliceTime;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetTest {
  private static final SynthConfig SMALL = new SynthConfig(8, 60, 3, CompressionCodecName.GZIP);

  /** A data set that the tests only read. */
  @TempDir static Path out;

  private static SynthSummary summary;

  @TempDir Path temp;

  @BeforeAll
  static void generate() throws IOException {
    summary = new SyntheticDataset(2).generate(SMALL, out);
  }

  @Test
  void writesOneFilePerCarPerSliceInTheRealLayout() throws IOException {
    assertThat(
        names(out),
        containsInAnyOrder(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName()));
    List<String> slices = names(out.resolve(Topic.LOCATIONS.folderName()));
    assertThat(names(out.resolve(Topic.ACCELERATIONS.folderName())), is(slices));
    assertThat(slices.size(), is(summary.slices()));
    assertThat(slices, everyItem(matchesPattern("t=\\d{3}\\.\\d")));
    for (String slice : slices) {
      assertThat(SliceTime.parse(slice).orElseThrow().folderName(), is(slice));
      for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
        List<String> files = names(out.resolve(topic).resolve(slice));
        assertThat(topic + "/" + slice, files, not(empty()));
        assertThat(files, everyItem(matchesPattern("[0-9a-f]{32}\\.parquet")));
        for (String file : files) {
          List<GenericRecord> rows =
              ParquetRows.read(out.resolve(topic).resolve(slice).resolve(file));
          assertThat(rows, not(empty()));
          for (GenericRecord row : rows) {
            assertThat(row.get("uuid") + ".parquet", is(file));
          }
        }
      }
    }
  }

  @Test
  void theSummaryCountsWhatIsOnDisk() {
    assertThat(summary.cars(), is(SMALL.cars()));
    assertThat(countOnDisk(out.resolve(Topic.LOCATIONS.folderName())), is(summary.locations()));
    assertThat(
        countOnDisk(out.resolve(Topic.ACCELERATIONS.folderName())), is(summary.accelerations()));
    assertThat(summary.accelerations().rows(), greaterThan(summary.locations().rows() * 30));
  }

  @Test
  void footersHoldExactlyTheBddSchemasCompressedWithGzipByDefault() throws IOException {
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      List<Path> files = ParquetRows.files(out.resolve(topic));
      assertThat(files, not(empty()));
      for (Path file : files) {
        assertThat(
            file.toString(), ParquetFiles.readSchema(file), is(Topic.named(topic).parquetSchema()));
      }
      assertThat(codecs(files.get(0)), everyItem(is(CompressionCodecName.GZIP)));
    }
  }

  @Test
  void theCodecCanBeChosen() throws IOException {
    Path snappy = temp.resolve("snappy");
    new SyntheticDataset(2)
        .generate(new SynthConfig(3, 40, 3, CompressionCodecName.SNAPPY), snappy);

    for (Path file : ParquetRows.files(snappy)) {
      assertThat(codecs(file), everyItem(is(CompressionCodecName.SNAPPY)));
    }
  }

  @Test
  void equalConfigurationsGiveByteIdenticalFilesWhateverTheThreads() throws IOException {
    Path again = temp.resolve("again");
    new SyntheticDataset(1).generate(SMALL, again);

    List<Path> files = relativeFiles(out);
    assertThat(files, not(empty()));
    assertThat(relativeFiles(again), is(files));
    for (Path file : files) {
      assertArrayEquals(
          Files.readAllBytes(out.resolve(file)),
          Files.readAllBytes(again.resolve(file)),
          file.toString());
    }
  }

  @Test
  void anotherSeedGivesOtherCars() throws IOException {
    Path other = temp.resolve("other");
    new SyntheticDataset(2)
        .generate(new SynthConfig(SMALL.cars(), SMALL.durationSeconds(), 4, SMALL.codec()), other);

    assertThat(relativeFiles(other), not(is(relativeFiles(out))));
  }

  @Test
  void publishingRenamesACompleteDataSetIntoPlaceAndLeavesNothingElse() throws IOException {
    Path target = temp.resolve("published");
    SynthSummary summary = new SyntheticDataset(2).publish(SMALL, target);

    assertThat(names(temp), contains("published"));
    assertThat(countOnDisk(target.resolve(Topic.LOCATIONS.folderName())), is(summary.locations()));
    assertThrows(
        FileAlreadyExistsException.class, () -> new SyntheticDataset(2).publish(SMALL, target));
    assertThat(names(temp), contains("published"));
  }

  private static TopicCounts countOnDisk(Path topicDir) {
    List<Path> files = ParquetRows.files(topicDir);
    long rows = files.stream().mapToLong(file -> ParquetRows.read(file).size()).sum();
    return new TopicCounts(files.size(), rows);
  }

  private static List<CompressionCodecName> codecs(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getBlocks().stream()
          .flatMap(block -> block.getColumns().stream())
          .map(ColumnChunkMetaData::getCodec)
          .toList();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> relativeFiles(Path root) {
    return ParquetRows.files(root).stream().map(root::relativize).toList();
  }
}

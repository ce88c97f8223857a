package io.github.bddreplay.replayer.synth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultDatasetTest {
  @TempDir Path dataDir;

  @Test
  void generatesFortyCarsOverTwoMinutesWithSeed42OnceAndThenReusesThem(@TempDir Path reference)
      throws IOException {
    Path dataset = DefaultDataset.ensure(dataDir);

    assertThat(dataset, is(dataDir.resolve("synthetic")));
    assertThat(names(dataDir), contains("synthetic"));
    assertThat(
        names(dataset), contains(Topic.ACCELERATIONS.folderName(), Topic.LOCATIONS.folderName()));
    new SyntheticDataset(1)
        .generate(new SynthConfig(40, 120, 42, CompressionCodecName.GZIP), reference);
    List<Path> files = ParquetRows.files(reference).stream().map(reference::relativize).toList();
    assertThat(ParquetRows.files(dataset).stream().map(dataset::relativize).toList(), is(files));
    Path sample = files.get(files.size() / 2);
    assertArrayEquals(
        Files.readAllBytes(reference.resolve(sample)), Files.readAllBytes(dataset.resolve(sample)));

    Path marker = Files.createFile(dataset.resolve("_kept"));
    assertThat(DefaultDataset.ensure(dataDir), is(dataset));
    assertThat(Files.exists(marker), is(true));
  }

  @Test
  void aFileInTheWayIsReportedByName() throws IOException {
    Files.createFile(dataDir.resolve("synthetic"));

    UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> DefaultDataset.ensure(dataDir));
    assertThat(
        error.getMessage(),
        containsString(dataDir.resolve("synthetic") + " exists but is not a folder"));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

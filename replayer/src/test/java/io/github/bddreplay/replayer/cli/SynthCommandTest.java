package io.github.bddreplay.replayer.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int synth(String... args) {
    CommandLine command = new CommandLine(new SynthCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void generatesTheDataSetAndSummarizesIt() throws IOException {
    Path target = temp.resolve("synthetic");

    int exit = synth("--cars", "4", "--duration", "45", "--seed", "9", "--out", target.toString());

    assertThat(err.toString(), exit, is(0));
    assertThat(out.toString(), containsString("4 cars"));
    assertThat(out.toString(), containsString("rows/s"));
    assertThat(out.toString(), containsString("written to " + target));
    List<Path> files = ParquetRows.files(target.resolve(Topic.LOCATIONS.folderName()));
    assertThat(files, not(empty()));
    assertThat(ParquetFiles.readSchema(files.get(0)), is(Topic.LOCATIONS.parquetSchema()));
    assertThat(codec(files.get(0)), is(CompressionCodecName.GZIP));
  }

  @Test
  void showsTheCarsWrittenAsPlainLinesWhenNotOnATerminal() {
    int exit =
        synth("--cars", "4", "--duration", "30", "--out", temp.resolve("synthetic").toString());

    assertThat(err.toString(), exit, is(0));
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.get(0), startsWith("synth: 0/4 cars (0%), "));
    assertThat(lines.get(lines.size() - 1), startsWith("synth: 4/4 cars (100%), done in "));
  }

  @Test
  void quietShowsNoProgress() {
    int exit =
        synth(
            "--cars", "4", "--duration", "30", "-q", "--out", temp.resolve("synthetic").toString());

    assertThat(exit, is(0));
    assertThat(err.toString(), is(""));
    assertThat(out.toString(), containsString("4 cars"));
  }

  @Test
  void writesIntoAnEmptyFolderWithTheChosenCodec() throws IOException {
    Path target = Files.createDirectory(temp.resolve("empty"));

    int exit =
        synth("--cars", "2", "--duration", "30", "--codec", "SNAPPY", "--out", target.toString());

    assertThat(err.toString(), exit, is(0));
    List<Path> files = ParquetRows.files(target);
    assertThat(files, not(empty()));
    assertThat(
        files.stream().map(SynthCommandTest::codec).toList(),
        everyItem(is(CompressionCodecName.SNAPPY)));
  }

  @Test
  void refusesANonPositiveNumberOfCars() {
    assertRefused(
        "the number of cars must be positive",
        "--cars",
        "0",
        "--out",
        temp.resolve("x").toString());
  }

  @Test
  void refusesANonPositiveDuration() {
    assertRefused(
        "the duration must be a positive number of seconds",
        "--duration",
        "-5",
        "--out",
        temp.resolve("x").toString());
  }

  @Test
  void refusesCodecsWithoutAnImplementation() {
    assertRefused(
        "the codec LZO is not available", "--codec", "LZO", "--out", temp.resolve("x").toString());
  }

  @Test
  void refusesToWriteIntoAFolderWithFiles() throws IOException {
    Path target = Files.createDirectory(temp.resolve("used"));
    Files.writeString(target.resolve("notes.txt"), "keep me");

    assertRefused(target + " exists and is not empty", "--out", target.toString());
    assertThat(Files.readString(target.resolve("notes.txt")), is("keep me"));
  }

  private void assertRefused(String message, String... args) {
    int exit = synth(args);

    assertThat(exit, is(2));
    assertThat(err.toString(), startsWith("error: " + message));
    assertThat(err.toString().strip().lines().count(), is(1L));
    assertThat(out.toString(), is(""));
    assertThat(Files.exists(temp.resolve("x")), is(false));
  }

  private static CompressionCodecName codec(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summaries as the replayer and the pipelines print them today. */
class ConsoleSummaryTest {
  @TempDir Path work;

  @Test
  void readsTheReplayersRowsAndRate() throws IOException {
    Path out = work.resolve("replayer.out");
    Files.writeString(
        out,
        "replayed 68 slices as 68 publications: 808 source files, 23990 rows (accelerations 23512,"
            + " locations 478) in 30.37 s, 790 rows/s; publication lag median 4 ms, max 1215 ms; 0 warnings\n"
            + "stream written to /tmp/x/input\n");
    ConsoleSummary.Replay replay = ConsoleSummary.replay(out);
    assertThat(replay.rows(), is(23990L));
    assertThat(replay.seconds(), is(30.37));
    assertThat(replay.rowsPerSecond(), is(790.0));
  }

  @Test
  void readsThePipelinesRunTimeAndInput() throws IOException {
    Path out = work.resolve("pipelines.out");
    Files.writeString(
        out,
        "pipelines simple finished (DONE) in 136.9 s\n"
            + "  read: 23990 rows from 68 files; 0 rows dropped as too late, 0 rows without event time,"
            + " 0 bad files dead-lettered to /tmp/x/errors\n"
            + "  output: /tmp/x/output\n");
    ConsoleSummary.Pipelines pipelines = ConsoleSummary.pipelines(out);
    assertThat(pipelines.state(), is("DONE"));
    assertThat(pipelines.runSeconds(), is(136.9));
    assertThat(pipelines.rowsRead(), is(23990L));
    assertThat(pipelines.filesRead(), is(68L));
  }

  /** The summary with the runner named and rows counted per topic. */
  @Test
  void readsThePerTopicSummaryToo() throws IOException {
    Path out = work.resolve("pipelines.out");
    Files.writeString(
        out,
        "pipelines simple on SparkRunner finished (DONE) in 9.0 s\n"
            + "  read           locations 11546 rows from 33 files; accelerations 571130 rows from 33 files\n"
            + "  left out       0 rows too late for their window, 0 rows without event time, 0 bad files\n");
    ConsoleSummary.Pipelines pipelines = ConsoleSummary.pipelines(out);
    assertThat(pipelines.runSeconds(), is(9.0));
    assertThat(pipelines.rowsRead(), is(582676L));
    assertThat(pipelines.filesRead(), is(66L));
  }

  @Test
  void aMissingSummaryNamesTheFile() throws IOException {
    Path out = work.resolve("empty.out");
    Files.writeString(out, "Exception in thread \"main\"\n");
    IOException e = assertThrows(IOException.class, () -> ConsoleSummary.pipelines(out));
    assertThat(e.getMessage(), containsString("empty.out"));
  }
}

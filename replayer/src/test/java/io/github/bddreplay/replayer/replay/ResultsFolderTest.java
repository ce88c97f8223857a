package io.github.bddreplay.replayer.replay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.replayer.storage.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Emptying the subfolders that tools beside the replayer keep in its results folder. */
class ResultsFolderTest {
  @TempDir Path work;
  private Path results;

  @BeforeEach
  void aResultsFolderWithAPipelinesOutput() throws Exception {
    Path source = Files.createDirectories(work.resolve("source"));
    results = work.resolve("results");
    ResultsFolder.prepare(Location.local(results), Location.local(source), List.of("locations"));
    Files.createDirectories(results.resolve("output/windowed/.temp-beam"));
    Files.writeString(results.resolve("output/windowed/window-1.parquet"), "pane");
    Files.writeString(results.resolve("output/windowed/.temp-beam/part"), "part");
    Files.createDirectories(results.resolve("input/locations/t=000.0"));
    Files.writeString(results.resolve("input/locations/t=000.0/p000-1.parquet"), "published");
  }

  @Test
  void emptiesTheSubfolderKeepsItAndLeavesTheRest() throws Exception {
    ResultsFolder.owned(Location.local(results)).empty("output");

    assertThat(Files.isDirectory(results.resolve("output")), is(true));
    try (Stream<Path> left = Files.list(results.resolve("output"))) {
      assertThat(left.count(), is(0L));
    }
    assertThat(
        Files.readString(results.resolve("input/locations/t=000.0/p000-1.parquet")),
        is("published"));
  }

  @Test
  void aMissingSubfolderIsNothingToEmpty() {
    ResultsFolder.owned(Location.local(results)).empty("errors");

    assertThat(Files.exists(results.resolve("errors")), is(false));
  }

  @Test
  void refusesAFolderTheReplayerDidNotMake() throws Exception {
    Path foreign = Files.createDirectories(work.resolve("thesis"));
    Files.createDirectories(foreign.resolve("output"));
    Files.writeString(foreign.resolve("output/chapter1.tex"), "precious");

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ResultsFolder.owned(Location.local(foreign)).empty("output"));

    assertThat(e.getMessage(), containsString("was not created by the replayer"));
    assertThat(Files.readString(foreign.resolve("output/chapter1.tex")), is("precious"));
  }

  @Test
  void refusesOnceTheMarkerIsGone() throws Exception {
    ResultsFolder folder = ResultsFolder.owned(Location.local(results));
    Files.delete(results.resolve(ResultsFolder.MARKER));

    BadInputException e = assertThrows(BadInputException.class, () -> folder.empty("output"));

    assertThat(e.getMessage(), containsString("no longer carries " + ResultsFolder.MARKER));
    assertThat(Files.readString(results.resolve("output/windowed/window-1.parquet")), is("pane"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "..", ".", "output/windowed", "input", "staging", StreamLayout.REPLAY_LOG})
  void refusesWhatIsNotAPlainSubfolderOfItsOwn(String name) throws Exception {
    Files.writeString(results.resolve(StreamLayout.REPLAY_LOG), "{}\n");

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ResultsFolder.owned(Location.local(results)).empty(name));

    assertThat(e.getMessage(), containsString("refusing to empty"));
    assertThat(Files.readString(results.resolve("output/windowed/window-1.parquet")), is("pane"));
    assertThat(
        Files.readString(results.resolve("input/locations/t=000.0/p000-1.parquet")),
        is("published"));
  }

  @Test
  void refusesToEmptyASubfolderThatIsALinkAndLeavesWhereItLeads() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "precious");
    Files.createSymbolicLink(results.resolve("errors"), elsewhere);

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ResultsFolder.owned(Location.local(results)).empty("errors"));

    assertThat(e.getMessage(), containsString("is a symbolic link"));
    assertThat(Files.readString(elsewhere.resolve("keep.txt")), is("precious"));
  }

  @Test
  void aFreshReplayRemovesALinkedTopicFolderNotWhatItLeadsTo() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere/t=000.0"));
    Files.writeString(elsewhere.resolve("keep.parquet"), "precious");
    Path topic = results.resolve("input/accelerations");
    Files.createSymbolicLink(topic, elsewhere.getParent());

    ResultsFolder.prepare(
        Location.local(results),
        Location.local(work.resolve("source")),
        List.of("locations", "accelerations"));

    assertThat(Files.readString(elsewhere.resolve("keep.parquet")), is("precious"));
    assertThat(Files.isSymbolicLink(topic), is(false));
    assertThat(Files.isDirectory(topic), is(true));
  }

  @Test
  void aResultsPathThatDotsItsWayIntoTheSourceIsRefused() throws Exception {
    Path source = work.resolve("source");

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ResultsFolder.prepare(
                    Location.local(work.resolve("results/../source/out")),
                    Location.local(source),
                    List.of("locations")));

    assertThat(e.getMessage(), containsString("refusing to write results into the source folder"));
    assertThat(Files.exists(source.resolve("out")), is(false));
  }

  @Test
  void aSourcePathThatDotsItsWayIntoTheResultsIsRefused() throws Exception {
    Path results = work.resolve("results");
    Files.createDirectories(results.resolve("input/locations"));

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ResultsFolder.prepare(
                    Location.local(results),
                    Location.local(work.resolve("elsewhere/../results/input")),
                    List.of("locations")));

    assertThat(
        e.getMessage(),
        containsString(
            "refusing to use "
                + results.toRealPath()
                + " as results folder: it holds the source data"));
    assertThat("nothing emptied", Files.isDirectory(results.resolve("input/locations")), is(true));
  }

  @Test
  void aSourceThatIsALinkIntoTheResultsIsRefused() throws Exception {
    Path results = work.resolve("results");
    Files.createDirectories(results.resolve("input/locations"));
    Path source = Files.createSymbolicLink(work.resolve("source-link"), results.resolve("input"));

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ResultsFolder.prepare(
                    Location.local(results), Location.local(source), List.of("locations")));

    assertThat(e.getMessage(), containsString("it holds the source data"));
    assertThat("nothing emptied", Files.isDirectory(results.resolve("input/locations")), is(true));
  }

  @Test
  void aResultsFolderThatIsALinkIntoTheSourceIsRefused() throws Exception {
    Path source = work.resolve("source");
    Files.createDirectories(source.resolve("locations"));
    Path results =
        Files.createSymbolicLink(work.resolve("results-link"), source.resolve("locations"));

    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ResultsFolder.prepare(
                    Location.local(results), Location.local(source), List.of("locations")));

    assertThat(e.getMessage(), containsString("refusing to write results into the source folder"));
    assertThat(Files.exists(source.resolve("locations").resolve(ResultsFolder.MARKER)), is(false));
  }
}

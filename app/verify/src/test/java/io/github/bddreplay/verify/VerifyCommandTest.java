package io.github.bddreplay.verify;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.fixtures.oracle.BatchOracle;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.replayer.cli.BddReplayCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code verify} command: its table, its verify.json, its exit codes and its errors. */
class VerifyCommandTest {
  @TempDir static Path shared;
  @TempDir Path scratch;

  private static Path correctRun;

  @BeforeAll
  static void makeACorrectRun() throws Exception {
    correctRun = shared.resolve("results");
    FakeRun.replay(RealData.dir(), correctRun, 1);
    FakeOutputs.of(
            BatchOracle.compute(
                RealData.dir(), ChronoUnit.MICROS.between(Instant.EPOCH, FakeRun.START)))
        .write(correctRun);
  }

  /** What one command line gave: exit code, standard output, standard error. */
  private record Ran(int exitCode, String out, String err) {}

  @Test
  void aCorrectRunPrintsItsTableWritesVerifyJsonAndExitsZero() throws IOException {
    Path results = copy();

    Ran ran = verify("--results", results.toString());

    assertEquals(0, ran.exitCode(), ran.out() + ran.err());
    assertThat(ran.out(), containsString("check                     | expected"));
    assertThat(ran.out(), containsString("simple locations rows     | 478"));
    assertThat(ran.out(), containsString("verdict: PASS (all 11 checks hold, "));
    JsonNode json = new ObjectMapper().readTree(results.resolve("verify.json").toFile());
    assertEquals("PASS", json.get("verdict").asText());
    assertEquals(
        results.resolve(StreamLayout.INPUT).toString(), json.get("computed_from").asText());
    assertEquals(results.toString(), json.get("results").asText());
    assertTrue(json.get("seconds").isNumber());
    assertEquals(List.of("verdict", "computed_from", "results", "seconds", "checks"), names(json));
    JsonNode first = json.get("checks").get(5);
    assertEquals(List.of("check", "expected", "found", "verdict", "differences"), names(first));
    assertEquals("simple locations rows", first.get("check").asText());
    assertEquals("478", first.get("expected").asText());
    assertEquals("478", first.get("found").asText());
    assertEquals("PASS", first.get("verdict").asText());
    assertEquals(0, first.get("differences").size());
  }

  @Test
  void aWrongOutputExitsOneWithItsDifferencesInTableAndJson() throws IOException {
    Path results = copy();
    Files.writeString(results.resolve("output/notes.txt"), "not data");

    Ran ran = verify("--results", results.toString(), "--pipelines", "windowed");

    assertEquals(1, ran.exitCode(), ran.out() + ran.err());
    assertThat(
        ran.out(),
        containsString(
            "output files, first differences:\n  " + results.resolve("output/notes.txt")));
    assertThat(ran.out(), containsString("verdict: FAIL (1 of 8 checks fail: output files; "));
    JsonNode json = new ObjectMapper().readTree(results.resolve("verify.json").toFile());
    assertEquals("FAIL", json.get("verdict").asText());
    JsonNode last = json.get("checks").get(json.get("checks").size() - 1);
    assertEquals("FAIL", last.get("verdict").asText());
    assertEquals(
        results.resolve("output/notes.txt") + ": not a Parquet file",
        last.get("differences").get(0).asText());
  }

  @Test
  void aMissingResultsFolderIsBadInput() {
    Ran ran = verify("--results", scratch.resolve("nothing").toString());

    assertEquals(2, ran.exitCode());
    assertEquals("error: no results folder " + scratch.resolve("nothing") + "\n", ran.err());
  }

  @Test
  void noInputAndNoSourceIsBadInput() throws IOException {
    Files.createDirectories(scratch.resolve("results/output"));

    Ran ran = verify("--results", scratch.resolve("results").toString());

    assertEquals(2, ran.exitCode());
    assertThat(ran.err(), startsWith("error: no input folder " + scratch.resolve("results/input")));
    assertEquals(1, ran.err().lines().count());
  }

  @Test
  void anUnreadableReplayStateIsBadInputWithSource() throws IOException {
    Path results = copy();
    Files.writeString(results.resolve(StreamLayout.REPLAY_STATE), "{\"start\": \"yesterday\"");

    Ran ran = verify("--results", results.toString(), "--source", RealData.dir().toString());

    assertEquals(2, ran.exitCode());
    assertThat(
        ran.err(),
        startsWith(
            "error: cannot read the replay state " + results.resolve(StreamLayout.REPLAY_STATE)));
    assertEquals(1, ran.err().lines().count());
  }

  @Test
  void anUnknownPipelineIsBadInput() {
    Ran ran = verify("--results", correctRun.toString(), "--pipelines", "simple,joined");

    assertEquals(2, ran.exitCode());
    assertEquals(
        "error: unknown pipeline 'joined' in --pipelines; known: simple,windowed,stream-joined\n",
        ran.err());
  }

  private Path copy() {
    Path copy = scratch.resolve("copy");
    RealData.copy(correctRun, copy);
    return copy;
  }

  private static Ran verify(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new VerifyCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exitCode = BddReplayCli.execute(command, args);
    return new Ran(exitCode, out.toString(), err.toString());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}

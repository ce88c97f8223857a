package io.github.bddreplay.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.replayer.cli.BddReplayCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int report(String... args) {
    CommandLine command = new CommandLine(new ReportCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return BddReplayCli.execute(command, args);
  }

  @Test
  void writesThePageWhereAskedAndPrintsItsPath() throws Exception {
    Path page = temp.resolve("pages/run.html");

    int exit = report("--results", GenuineRun.results().toString(), "--out", page.toString());

    assertThat(err.toString(), exit, is(0));
    assertThat(out.toString().strip(), is(page.toAbsolutePath().toString()));
    assertThat(Files.readString(page).startsWith("<!DOCTYPE html>"), is(true));
  }

  @Test
  void aMissingResultsFolderEndsWithOneErrorLineAndExitCodeTwo() {
    Path missing = temp.resolve("nowhere");

    int exit = report("--results", missing.toString());

    assertThat(exit, is(2));
    assertThat(
        err.toString(),
        is("error: " + missing + ": no such results folder" + System.lineSeparator()));
  }
}

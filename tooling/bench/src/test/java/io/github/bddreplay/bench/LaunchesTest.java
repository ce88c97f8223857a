package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchesTest {
  /** The build copies the parent pom's list into bench.properties; the harness passes it on. */
  @Test
  void sparkJvmsGetTheParentPomsOpens() {
    assertThat(Launches.sparkAddOpens(), hasItem("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
  }

  /** The pom may name a java @argument-file instead of listing the flags. */
  @Test
  void anArgumentFileIsSpelledOut(@TempDir Path work) throws Exception {
    Path file = work.resolve("jvm.config");
    Files.writeString(
        file, "-XX:+IgnoreUnrecognizedVMOptions\n--add-opens=java.base/java.nio=ALL-UNNAMED\n");
    assertThat(
        Launches.argumentFile(file),
        is(
            List.of(
                "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED")));
  }

  @Test
  void speedupsAreWrittenAsTheReplayerTakesThem() {
    assertThat(Launches.speedupArg(4), is("4"));
    assertThat(Launches.speedupArg(2.5), is("2.5"));
    assertThat(Launches.speedupArg(Double.POSITIVE_INFINITY), is("max"));
  }
}

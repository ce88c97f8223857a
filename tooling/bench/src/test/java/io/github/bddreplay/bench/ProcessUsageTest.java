package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessUsageTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  /** As GNU time 1.9 writes it with -v. */
  private static final String REPORT =
      """
      \tCommand being timed: "java -Xmx2g io.github.bddreplay.pipelines.SensorPipelines"
      \tUser time (seconds): 53.20
      \tSystem time (seconds): 7.22
      \tPercent of CPU this job got: 182%
      \tElapsed (wall clock) time (h:mm:ss or m:ss): 0:33.17
      \tMaximum resident set size (kbytes): 2361264
      \tExit status: 0
      """;

  @Test
  void cpuIsUserPlusSystemAndMemoryIsThePeak() {
    ProcessUsage usage =
        ProcessUsage.fromTimeReport("pipelines", START, START.plusSeconds(34), 0, REPORT);
    assertThat(usage.cpuSeconds(), closeTo(60.42, 1e-9));
    assertThat(usage.maxResidentKib(), is(2_361_264L));
    assertThat(usage.peakRssGib(), closeTo(2.252, 0.001));
    assertThat(usage.wallSeconds(), is(34.0));
    assertThat(usage.succeeded(), is(true));
  }

  @Test
  void aReportWithoutFiguresIsAnErrorNamingTheProcess() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProcessUsage.fromTimeReport(
                    "replayer", START, START, 1, "Command terminated by signal 9\n"));
    assertThat(e.getMessage(), containsString("replayer"));
  }
}

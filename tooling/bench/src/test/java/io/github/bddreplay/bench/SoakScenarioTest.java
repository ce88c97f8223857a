package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakScenarioTest {
  private static final Instant START = Instant.parse("2026-11-24T18:00:00Z");
  private static final DateTimeFormatter LOG_CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private static PublishedFile due(String file, double seconds) {
    Instant due = START.plusMillis((long) (seconds * 1000));
    return new PublishedFile("locations", "t=000.0", Paths.get(file), 1, due, due);
  }

  private static String read(String file, double seconds) {
    Instant at = START.plusMillis((long) (seconds * 1000));
    return LOG_CLOCK.format(at) + " DEBUG i.g.b.p.s.SensorFileReader: Read " + file + ": 1 rows";
  }

  @Test
  void theLagIsTheWaitOfTheOldestDuePublicationNotYetRead() {
    List<PublishedFile> published =
        List.of(due("/in/a.parquet", 0), due("/in/b.parquet", 10), due("/in/c.parquet", 20));
    SourceReadLog reads =
        SourceReadLog.parse(
            List.of(read("/in/a.parquet", 1), read("/in/b.parquet", 17)), START.minusSeconds(5));
    // a is read 1 s after it was due, b 7 s after, c never.
    assertThat(
        SoakScenario.readLagSeconds(START.plusMillis(500), published, reads), closeTo(0.5, 1e-9));
    assertThat(
        SoakScenario.readLagSeconds(START.plusSeconds(5), published, reads), closeTo(0, 1e-9));
    assertThat(
        SoakScenario.readLagSeconds(START.plusSeconds(15), published, reads), closeTo(5, 1e-9));
    assertThat(
        SoakScenario.readLagSeconds(START.plusSeconds(18), published, reads), closeTo(0, 1e-9));
    assertThat(
        SoakScenario.readLagSeconds(START.plusSeconds(26), published, reads), closeTo(6, 1e-9));
  }
}

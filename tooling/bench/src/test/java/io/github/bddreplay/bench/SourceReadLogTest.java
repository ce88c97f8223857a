package io.github.bddreplay.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceReadLogTest {
  @Test
  void theFirstReadingOfEachFileCountsAndOtherLinesAreIgnored() {
    SourceReadLog log =
        SourceReadLog.parse(
            List.of(
                "18:00:44.900 WARN  o.a.s.u.Utils: Your hostname resolves to a loopback address",
                "18:00:47.473 DEBUG i.g.b.p.s.SensorFileReader: Read /r/input/accelerations/t=000.0/p000-1.parquet: 63 rows",
                "18:00:47.944 DEBUG i.g.b.p.s.SensorFileReader: Read /r/input/locations/t=000.0/p000-1.parquet: 2 rows",
                "18:00:49.001 DEBUG i.g.b.p.s.SensorFileReader: Read /r/input/accelerations/t=000.0/p000-1.parquet: 63 rows"),
            Instant.parse("2026-11-24T18:00:43.101Z"));
    assertThat(log.files(), is(2));
    assertThat(
        log.firstRead(Paths.get("/r/input/accelerations/t=000.0/p000-1.parquet")),
        is(Optional.of(Instant.parse("2026-11-24T18:00:47.473Z"))));
    assertThat(log.earliest(), is(Optional.of(Instant.parse("2026-11-24T18:00:47.473Z"))));
    assertThat(log.firstRead(Paths.get("/r/input/other.parquet")), is(Optional.empty()));
  }

  @Test
  void timesAfterMidnightBelongToTheNextDay() {
    Instant start = Instant.parse("2026-11-24T23:59:58.500Z");
    assertThat(
        SourceReadLog.atOrAfter(LocalTime.parse("00:00:02.000"), start),
        is(Instant.parse("2026-11-25T00:00:02Z")));
    assertThat(
        SourceReadLog.atOrAfter(LocalTime.parse("23:59:59.000"), start),
        is(Instant.parse("2026-11-24T23:59:59Z")));
  }
}

package io.github.bddreplay.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReplayLogLineTest {
  private static final ReplayLogLine LINE =
      ReplayLogLine.of(
          "locations",
          new SliceTime(525),
          1,
          "/r/input/locations/t=052.5/a.parquet",
          3,
          42,
          0.3,
          Instant.parse("2026-12-02T10:00:52.500Z"),
          Instant.parse("2026-12-02T10:00:52.512Z"));

  @Test
  void writesDecimalPointsUnderACommaLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      String json = LINE.toJson();
      assertThat(json, containsString("\"late_by_s\":0.3,"));
      assertThat(json, containsString("\"slice\":\"t=052.5\""));
      assertThat(ReplayLogLine.parse(json), is(LINE));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void carriesDueAndLag() {
    assertThat(LINE.lagMillis(), is(12L));
    assertThat(LINE.due(), is("2026-12-02T10:00:52.500Z"));
    assertThat(LINE.isLate(), is(true));
  }

  @Test
  void refusesALineWithoutAField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ReplayLogLine.parse("{\"topic\":\"locations\"}"));
    assertThat(e.getMessage(), containsString("not a replay log line"));
  }
}

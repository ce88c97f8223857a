package io.github.bddreplay.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as a file: self-contained, its data the run's, and bad folders refused by name. */
class RunReportTest {
  @TempDir Path temp;

  @Test
  void thePageNeedsNothingFromOutsideAndEmbedsTheRunsData() throws Exception {
    Path results = GenuineRun.results();
    Path page = RunReport.write(results, temp.resolve("page.html"), 5000);

    Document dom = Jsoup.parse(Files.readString(page));
    assertThat(dom.select("script[src], link, img[src], iframe, object, embed"), is(empty()));
    JsonNode data = new ObjectMapper().readTree(dom.getElementById("report-data").data());
    long published = Files.readAllLines(results.resolve("replay-log.jsonl")).size();
    assertThat(data.get("facts").get("publications").asLong(), is(published));
    assertThat(data.get("publications").size(), is((int) published));
    assertThat(
        data.get("facts").get("rowsPublished").get("locations").asLong(),
        is(RealData.LOCATION_ROWS));
    assertThat(
        data.get("facts").get("rowsPublished").get("accelerations").asLong(),
        is(RealData.ACCELERATION_ROWS));
    assertThat(data.get("watermarkDelayMillis").asLong(), is(5000L));
  }

  @Test
  void theWatermarkTrailsTheLatestEventTimePublishedByTheDelay() throws Exception {
    Path results = GenuineRun.results();
    Path page = RunReport.write(results, temp.resolve("page.html"), 7000);

    ObjectMapper mapper = new ObjectMapper();
    JsonNode data =
        mapper.readTree(Jsoup.parse(Files.readString(page)).getElementById("report-data").data());
    PublicationPoint[] publications =
        mapper.treeToValue(data.get("publications"), PublicationPoint[].class);
    assertThat(
        publications.length, is(Files.readAllLines(results.resolve("replay-log.jsonl")).size()));
    long latest = Long.MIN_VALUE;
    long previousWatermark = Long.MIN_VALUE;
    for (PublicationPoint p : publications) {
      latest = Math.max(latest, p.lastEventMillis());
      long watermark = p.watermarkMillis();
      assertThat(watermark, is(latest - 7000));
      assertThat(watermark >= previousWatermark, is(true));
      previousWatermark = watermark;
    }
  }

  @Test
  void textInTheDataCannotEndTheScriptElementItSitsIn() {
    String json = ScriptSafeJson.write(Map.of("difference", "</script><!-- & >"));

    assertThat(json, not(containsString("<")));
    assertThat(json, not(containsString(">")));
    assertThat(json, containsString("\\u003C/script\\u003E"));
  }

  @Test
  void carsSharingALongPrefixStillGetLabelsOfTheirOwn() {
    List<CarLabels.Car> cars = CarLabels.of(List.of("abcdef1234", "abcdef1299", "0123456789"));

    assertThat(
        cars.stream().map(CarLabels.Car::label).toList(),
        is(List.of("012345678", "abcdef123", "abcdef129")));
  }

  @Test
  void aFolderThatIsNotThereIsNamed() {
    Path missing = temp.resolve("missing");

    BadInputException e = assertThrows(BadInputException.class, () -> RunReport.write(missing));

    assertThat(e.getMessage(), is(missing + ": no such results folder"));
  }

  @Test
  void aFolderWithoutAReplayLogIsNamed() {
    BadInputException e = assertThrows(BadInputException.class, () -> RunReport.write(temp));

    assertThat(e.getMessage(), containsString(temp.resolve("replay-log.jsonl") + ": not found"));
  }

  @Test
  void aBrokenReplayLogLineIsNamedWithItsNumber() throws IOException {
    Files.writeString(temp.resolve("replay-log.jsonl"), "\n{\"topic\":\"locations\"\n");

    BadInputException e = assertThrows(BadInputException.class, () -> RunReport.write(temp));

    assertThat(
        e.getMessage(),
        containsString(temp.resolve("replay-log.jsonl") + " line 2: not a replay log line"));
  }

  @Test
  void aVerifyJsonOfTheWrongShapeIsNamed() throws IOException {
    Files.writeString(temp.resolve("replay-log.jsonl"), "");
    Files.writeString(temp.resolve("verify.json"), "{\"verdict\":\"PASS\"}");

    BadInputException e = assertThrows(BadInputException.class, () -> RunReport.write(temp));

    assertThat(
        e.getMessage(),
        containsString(temp.resolve("verify.json") + ": not valid JSON of the expected shape"));
    assertThat(e.getMessage(), containsString("checks"));
  }

  @Test
  void anUnreadableOutputFileIsNamedByItsFolder() throws Exception {
    Path copy = temp.resolve("results");
    RealData.copy(GenuineRun.results(), copy);
    Files.writeString(copy.resolve("output/windowed/window-broken.parquet"), "not parquet");

    BadInputException e = assertThrows(BadInputException.class, () -> RunReport.write(copy));

    assertThat(
        e.getMessage(),
        containsString(copy.resolve("output/windowed") + ": cannot read its Parquet files"));
  }

  @Test
  void aFileStillBeingWrittenIsNotData() throws Exception {
    Path copy = temp.resolve("results");
    RealData.copy(GenuineRun.results(), copy);
    Files.writeString(copy.resolve("output/windowed/.writing-window-x.parquet"), "half a file");

    Path page = RunReport.write(copy, temp.resolve("page.html"), 5000);

    JsonNode data =
        new ObjectMapper()
            .readTree(Jsoup.parse(Files.readString(page)).getElementById("report-data").data());
    assertThat(
        data.get("facts").get("publications").asLong(),
        is((long) Files.readAllLines(copy.resolve("replay-log.jsonl")).size()));
  }
}

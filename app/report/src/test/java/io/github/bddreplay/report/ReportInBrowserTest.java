package io.github.bddreplay.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.github.bddreplay.fixtures.realdata.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of a genuine run opened in headless Chromium: it must draw every chart without an error,
 * show something, and its charts must hold what the run's files hold. The same checks must catch
 * pages broken on purpose, so that a pass means something.
 */
class ReportInBrowserTest {
  private static Path results;

  @TempDir Path temp;

  @BeforeAll
  static void run() throws Exception {
    results = GenuineRun.results();
  }

  private Path report(Path from, PageLimits limits) {
    return RunReport.write(
        from, temp.resolve("report.html"), RunReport.defaultWatermarkDelayMillis(), limits);
  }

  @Test
  void theReportOfAGenuineRunDrawsEveryChartWithoutErrorsAndTheChartsHoldTheOutputs()
      throws IOException {
    Path page = report(results, PageLimits.DEFAULT);
    System.out.printf("report of the genuine run: %,d bytes%n", Files.size(page));

    HeadlessChromium.RenderedPage shown = HeadlessChromium.open(page);

    assertThat(PageProblems.of(shown), is(empty()));
    Document dom = Jsoup.parse(shown.dom());
    assertThat(ChartsAgainstOutputs.mismatches(dom, results), is(empty()));
    assertThat(dom.getElementById("verdict").text(), is("not verified"));
    assertThat(dom.getElementById("verify-explain").text(), containsString("not verified"));
    assertThat(dom.getElementById("note-speed").hasAttr("hidden"), is(true));
  }

  @Test
  void verifysVerdictIsShownCheckByCheckAndItsTextCannotBreakThePage() throws IOException {
    Path verified = temp.resolve("verified");
    RealData.copy(results, verified);
    String hostile = "</script><script>console.error('injected')</script><!--";
    Files.writeString(
        verified.resolve("verify.json"),
        """
        {"verdict":"FAIL","computed_from":"the replayed input","results":"here","seconds":1.25,
         "checks":[
          {"check":"simple locations rows","expected":"478","found":"478","verdict":"PASS","differences":[]},
          {"check":"windowed final panes","expected":"133","found":"132","verdict":"FAIL",
           "differences":["%s"]}]}
        """
            .formatted(hostile));

    HeadlessChromium.RenderedPage shown =
        HeadlessChromium.open(report(verified, PageLimits.DEFAULT));

    assertThat(PageProblems.of(shown), is(empty()));
    Document dom = Jsoup.parse(shown.dom());
    assertThat(dom.getElementById("verdict").text(), is("verify: FAIL"));
    assertThat(dom.getElementById("verify-checks").attr("data-checks"), is("2"));
    assertThat(dom.select("#verify-checks tbody tr").size(), is(2));
    assertThat(dom.select("#verify-checks tbody tr").get(1).text(), containsString(hostile));
  }

  @Test
  void aReportDrawingLessThanTheRunHasIsCaughtAndSaysSoOnThePage() {
    Path page = report(results, new PageLimits(3, 5, 50));

    HeadlessChromium.RenderedPage shown = HeadlessChromium.open(page);

    assertThat(PageProblems.of(shown), is(empty()));
    Document dom = Jsoup.parse(shown.dom());
    List<String> mismatches = ChartsAgainstOutputs.mismatches(dom, results);
    assertThat(
        mismatches,
        hasItem(
            containsString("speed chart: lines (one per car in the windowed output): expected")));
    assertThat(
        mismatches,
        hasItem(
            containsString("track chart: series (one per car in the input locations): expected")));
    assertThat(
        mismatches,
        hasItem(
            containsString(
                "event-time chart: pane marks (one per output file and timing): expected")));
    assertThat(dom.getElementById("note-time").text(), containsString("share a mark"));
    assertThat(dom.getElementById("note-speed").text(), containsString("Showing the first 3 of"));
    assertThat(
        dom.getElementById("note-tracks").text(),
        containsString("thinned evenly to at most 5 fixes"));
    assertThat(
        ChartSeries.of(dom, "chart-tracks").stream().map(ChartSeries::points).toList(),
        everyItem(lessThanOrEqualTo(5)));
  }

  @Test
  void aScriptErrorOnThePageIsCaught() throws IOException {
    Path page =
        withScriptBeforeBodyEnd(
            report(results, PageLimits.DEFAULT),
            "setTimeout(function () { notDefinedAnywhere(); }, 0);");

    List<String> problems = PageProblems.of(HeadlessChromium.open(page));

    assertThat(problems, hasItem(containsString("page errors (1)")));
    assertThat(problems, hasItem(containsString("notDefinedAnywhere")));
    assertThat(problems, hasItem(containsString("console: ")));
  }

  @Test
  void aConsoleErrorOnThePageIsCaught() throws IOException {
    Path page =
        withScriptBeforeBodyEnd(
            report(results, PageLimits.DEFAULT), "console.error('deliberately logged');");

    List<String> problems = PageProblems.of(HeadlessChromium.open(page));

    assertThat(problems, hasItem(containsString("console.error: deliberately logged")));
    assertThat(problems, hasItem(containsString("console: ")));
  }

  @Test
  void chartsThatCannotBeDrawnAreCaught() throws IOException {
    Path page = report(results, PageLimits.DEFAULT);
    String html = Files.readString(page);
    // The charts' script is the page's last; ECharts is loaded by then.
    int charts = html.lastIndexOf("<script>");
    Files.writeString(
        page,
        html.substring(0, charts)
            + "<script>echarts.init = function () { throw new Error('no charts today'); };</script>"
            + html.substring(charts));

    List<String> problems = PageProblems.of(HeadlessChromium.open(page));

    assertThat(problems, hasItem(containsString("did not finish rendering")));
    assertThat(problems, hasItem(containsString("no charts today")));
  }

  @Test
  void aBlankPageIsCaught() throws IOException {
    Path page =
        Files.writeString(
            temp.resolve("blank.html"),
            "<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>");

    List<String> problems = PageProblems.of(HeadlessChromium.open(page));

    assertThat(problems, hasItem(containsString("the screenshot is blank")));
    assertThat(problems, hasItem(containsString("did not finish rendering")));
    assertThat(problems, hasItem(containsString("no #page-errors element")));
  }

  private static Path withScriptBeforeBodyEnd(Path page, String script) throws IOException {
    String html = Files.readString(page);
    int end = html.lastIndexOf("</body>");
    return Files.writeString(
        page, html.substring(0, end) + "<script>" + script + "</script>\n" + html.substring(end));
  }
}

package io.github.bddreplay.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A chart's series as the page recorded them from ECharts (its element's data-series). */
record ChartSeries(String name, String type, int points) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<ChartSeries> of(Document dom, String chartId) {
    Element chart = dom.getElementById(chartId);
    if (chart == null || !chart.hasAttr("data-series")) {
      fail("#" + chartId + " has no data-series: the chart was not drawn");
    }
    try {
      return Arrays.asList(MAPPER.readValue(chart.attr("data-series"), ChartSeries[].class));
    } catch (JsonProcessingException e) {
      throw new AssertionError("#" + chartId + ": data-series is not JSON: " + e.getMessage(), e);
    }
  }

  static List<ChartSeries> ofType(List<ChartSeries> series, String type) {
    return series.stream().filter(s -> s.type().equals(type)).toList();
  }

  static ChartSeries named(List<ChartSeries> series, String name) {
    return series.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series named " + name + " in " + series));
  }

  static int points(List<ChartSeries> series) {
    return series.stream().mapToInt(ChartSeries::points).sum();
  }
}

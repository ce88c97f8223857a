package io.github.bddreplay.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML page: the template with its style, its scripts (ECharts from the webjar, inlined) and
 * the run's data as JSON put in place, so the page needs nothing at view time.
 */
final class ReportPage {
  private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z-]+)}}");

  private ReportPage() {}

  static String html(ReportData data) {
    Map<String, String> slots =
        Map.of(
            "style", resource("page.css"),
            "error-capture", script(resource("page-errors.js")),
            "echarts", script(echarts()),
            "data", ScriptSafeJson.write(data),
            "charts", script(resource("charts.js")));
    Matcher slot = SLOT.matcher(resource("page.html"));
    StringBuilder page = new StringBuilder();
    while (slot.find()) {
      String value = slots.get(slot.group(1));
      if (value == null) {
        throw new IllegalStateException("page.html: no content for {{" + slot.group(1) + "}}");
      }
      slot.appendReplacement(page, Matcher.quoteReplacement(value));
    }
    slot.appendTail(page);
    return page.toString();
  }

  /** Script text for an inline element, which the text "</script" would end early. */
  private static String script(String text) {
    if (text.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalStateException("an inlined script contains </script");
    }
    return text;
  }

  private static String echarts() {
    Properties webjar = new Properties();
    try (InputStream in = stream(WEBJAR)) {
      webjar.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text(
        "META-INF/resources/webjars/echarts/"
            + webjar.getProperty("version")
            + "/dist/echarts.min.js");
  }

  private static String resource(String name) {
    return text("io/github/bddreplay/report/" + name);
  }

  private static String text(String path) {
    try (InputStream in = stream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read it from the class path", e);
    }
  }

  private static InputStream stream(String path) {
    InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + ": not on the class path");
    }
    return in;
  }
}

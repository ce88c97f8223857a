package io.github.bddreplay.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What is wrong with a page as the browser showed it: anything it printed to the console (the
 * report prints nothing when all is well), errors its own capture collected, not having finished
 * rendering, or a screenshot with next to nothing on it.
 */
final class PageProblems {
  /** A page with text and charts differs from its background in far more pixels than this. */
  private static final double MIN_INK_FRACTION = 0.01;

  private static final int MIN_COLOURS = 32;

  private PageProblems() {}

  static List<String> of(HeadlessChromium.RenderedPage page) {
    List<String> problems = new ArrayList<>();
    page.consoleLines().forEach(line -> problems.add("console: " + line));
    Document dom = Jsoup.parse(page.dom());
    Element errors = dom.getElementById("page-errors");
    if (errors == null) {
      problems.add("no #page-errors element: the page's error capture is missing");
    } else if (!"0".equals(errors.attr("data-count"))) {
      problems.add(
          "page errors (" + errors.attr("data-count") + "): " + errors.select("pre").text());
    }
    if (!"true".equals(dom.body().attr("data-rendered"))) {
      problems.add("the page did not finish rendering: no data-rendered=\"true\" on its body");
    }
    String blank = blankness(page.screenshot());
    if (blank != null) {
      problems.add(blank);
    }
    return problems;
  }

  /** Why the screenshot counts as blank, or null when it does not. */
  private static String blankness(BufferedImage image) {
    Map<Integer, Integer> counts = new HashMap<>();
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        counts.merge(rgb, 1, Integer::sum);
        colours.add(rgb);
      }
    }
    int background = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    long pixels = (long) image.getWidth() * image.getHeight();
    double ink = 1 - (double) background / pixels;
    if (ink < MIN_INK_FRACTION || colours.size() < MIN_COLOURS) {
      return String.format(
          "the screenshot is blank: %.2f%% of its pixels differ from the background, %d colours",
          100 * ink, colours.size());
    }
    return null;
  }
}

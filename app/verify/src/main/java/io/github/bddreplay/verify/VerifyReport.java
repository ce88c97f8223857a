package io.github.bddreplay.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a verification found: one {@link CheckResult} per check, and the verdict, PASS when every
 * check holds. Printed as a table ({@link #table}) and written as {@code verify.json} ({@link
 * #writeJson}), the file the report module reads.
 *
 * @param computedFrom what the expected answer was computed from
 */
public record VerifyReport(
    Path results, String computedFrom, double seconds, List<CheckResult> checks) {
  /** The name verify gives its JSON file in the results folder. */
  public static final String JSON_FILE = "verify.json";

  private static final List<String> HEADINGS = List.of("check", "expected", "found", "verdict");

  public VerifyReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(CheckResult::holds);
  }

  public String verdict() {
    return passed() ? "PASS" : "FAIL";
  }

  /** The check named {@code name}, if this verification made it. */
  public Optional<CheckResult> check(String name) {
    return checks.stream().filter(check -> check.check().equals(name)).findFirst();
  }

  /** The table of checks, the first differences of each check that lists any, the verdict line. */
  public String table() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADINGS);
    checks.forEach(c -> rows.add(List.of(c.check(), c.expected(), c.found(), c.verdict())));
    int[] widths = new int[HEADINGS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("verify ")
        .append(results)
        .append(" against the answer computed from ")
        .append(computedFrom)
        .append('\n');
    for (int r = 0; r < rows.size(); r++) {
      text.append(line(rows.get(r), widths)).append('\n');
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
          rule.add("-".repeat(width));
        }
        text.append(String.join("-+-", rule)).append('\n');
      }
    }
    for (CheckResult check : checks) {
      if (!check.differences().isEmpty()) {
        text.append('\n')
            .append(check.check())
            .append(check.holds() ? ":" : ", first differences:")
            .append('\n');
        check.differences().forEach(d -> text.append("  ").append(d).append('\n'));
      }
    }
    text.append('\n').append(verdictLine()).append('\n');
    return text.toString();
  }

  /** One line: the verdict, how many checks failed (which), and the time taken. */
  public String verdictLine() {
    List<String> failed = checks.stream().filter(c -> !c.holds()).map(CheckResult::check).toList();
    String time = String.format(Locale.ROOT, "%.1f s", seconds);
    return failed.isEmpty()
        ? "verdict: PASS (all " + checks.size() + " checks hold, " + time + ")"
        : "verdict: FAIL ("
            + failed.size()
            + " of "
            + checks.size()
            + " checks fail: "
            + String.join(", ", failed)
            + "; "
            + time
            + ")";
  }

  /** Writes the report as JSON (UTF-8) to {@code file}, replacing it whole. */
  public void writeJson(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("verdict", verdict());
    json.put("computed_from", computedFrom);
    json.put("results", results.toString());
    json.put("seconds", Math.round(seconds * 100) / 100.0);
    ArrayNode list = json.putArray("checks");
    for (CheckResult check : checks) {
      ObjectNode node = list.addObject();
      node.put("check", check.check());
      node.put("expected", check.expected());
      node.put("found", check.found());
      node.put("verdict", check.verdict());
      ArrayNode differences = node.putArray("differences");
      check.differences().forEach(differences::add);
    }
    Path written = file.resolveSibling("." + file.getFileName() + ".writing");
    mapper.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), json);
    Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String line(List<String> cells, int[] widths) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      padded.add(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]));
    }
    return String.join(" | ", padded);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}

package io.github.bddreplay.pipelines.oracle;

import io.github.bddreplay.parquet.BddSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Compares what the pipelines wrote with what the {@link BatchOracle} expects, failing with a
 * readable account of the difference: how many keys or rows differ, and the first few of them
 * with expected and actual values side by side.
 */
public final class OracleAssertions {
  /** How far a mean speed may be from the oracle's: they sum the same values in other orders. */
  public static final double MEAN_TOLERANCE = 1e-9;

  /** How many differing keys or rows a failure shows. */
  static final int SHOWN = 5;

  private OracleAssertions() {}

  /**
   * Everything the three pipelines wrote equals what the oracle computes from the source: each
   * topic's simple output (rows and schema), the final windowed rows and the final joined rows.
   */
  public static void assertOutputsEqual(BatchOracle oracle, PipelineOutputReader output)
      throws IOException {
    for (String topic : List.of(BddSchemas.LOCATIONS, BddSchemas.ACCELERATIONS)) {
      assertSimpleEquals(topic, oracle.simpleRows(topic), output.simple(topic));
      assertSimpleSchema(topic, output.simple(topic));
    }
    assertWindowedEquals(oracle.windowed(), output.windowed());
    assertJoinEquals(oracle.joined(), output.joined());
  }

  /** The simple output of {@code topic} holds exactly the expected rows, each as often. */
  public static void assertSimpleEquals(
      String topic, Map<RowFingerprint, Long> expected, SimpleOutput actual) {
    String difference = multisetDifference(expected, actual.rows(), "  ");
    if (!difference.isEmpty()) {
      throw new AssertionError(
          "simple " + topic + " output differs from the oracle (expected "
              + Multisets.size(expected) + " rows, got " + actual.rowCount() + " in "
              + actual.files() + " files):\n" + difference);
    }
  }

  /**
   * Every file of the simple output of {@code topic} has the topic's source schema, compared by
   * text: the column order metadata that {@code MessageType.equals} also compares differs between
   * writers.
   */
  public static void assertSimpleSchema(String topic, SimpleOutput actual) {
    String expected = BddSchemas.parquetSchema(topic).toString();
    Set<String> others = new TreeSet<>(actual.parquetSchemas());
    others.remove(expected);
    if (!others.isEmpty()) {
      throw new AssertionError(
          "simple " + topic + " output has files with another schema than the source's.\nexpected:\n"
              + expected + "\ngot:\n" + String.join("\n", others));
    }
  }

  /**
   * The final windowed rows are exactly the expected ones: the same routes and windows, equal
   * counts, an acceptable ride id, and means within {@link #MEAN_TOLERANCE} or both null.
   */
  public static void assertWindowedEquals(
      SortedMap<WindowKey, ExpectedWindow> expected, WindowedOutput actual) {
    List<String> problems = new ArrayList<>();
    problems.addAll(keyProblems(expected, actual.finalRows()));
    List<String> mismatches = new ArrayList<>();
    expected.forEach(
        (key, want) -> {
          WindowedRow got = actual.finalRows().get(key);
          if (got != null && !matches(want, got)) {
            mismatches.add(key + ":\n      expected " + want + "\n      got      " + got);
          }
        });
    if (!mismatches.isEmpty()) {
      problems.add(shown(mismatches.size() + " windows with other values", mismatches));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "windowed output differs from the oracle (expected " + expected.size()
              + " route windows, got " + actual.finalRows().size() + "):\n"
              + String.join("\n", problems));
    }
  }

  /** The final stream-joined rows of every route and window are exactly the expected multiset. */
  public static void assertJoinEquals(
      SortedMap<WindowKey, Map<RowFingerprint, Long>> expected, JoinedOutput actual) {
    List<String> problems = new ArrayList<>();
    problems.addAll(keyProblems(expected, actual.finalRows()));
    List<String> mismatches = new ArrayList<>();
    expected.forEach(
        (key, want) -> {
          Map<RowFingerprint, Long> got = actual.finalRows().get(key);
          if (got != null && !want.equals(got)) {
            mismatches.add(
                key + " (expected " + Multisets.size(want) + " rows, got " + Multisets.size(got)
                    + " in " + actual.finalPanes().get(key) + "):\n"
                    + multisetDifference(want, got, "      "));
          }
        });
    if (!mismatches.isEmpty()) {
      problems.add(shown(mismatches.size() + " route windows with other rows", mismatches));
    }
    if (!problems.isEmpty()) {
      long expectedRows = expected.values().stream().mapToLong(Multisets::size).sum();
      throw new AssertionError(
          "stream-joined output differs from the oracle (expected " + expected.size()
              + " route windows with " + expectedRows + " rows, got " + actual.finalRows().size()
              + " with " + actual.finalRowCount() + "):\n" + String.join("\n", problems));
    }
  }

  private static boolean matches(ExpectedWindow want, WindowedRow got) {
    return want.fixCount() == got.fixCount()
        && want.invalidSpeedCount() == got.invalidSpeedCount()
        && want.acceptsRideId(got.rideId())
        && meansMatch(want.meanSpeed(), got.meanSpeed());
  }

  private static boolean meansMatch(Double want, Double got) {
    if (want == null || got == null) {
      return Objects.equals(want, got);
    }
    return Math.abs(want - got) <= MEAN_TOLERANCE;
  }

  /** The keys only one side has, described with the other side's values. */
  private static <V, W> List<String> keyProblems(
      SortedMap<WindowKey, V> expected, Map<WindowKey, W> actual) {
    List<String> missing = new ArrayList<>();
    expected.forEach(
        (key, value) -> {
          if (!actual.containsKey(key)) {
            missing.add(key + ": expected " + describe(value));
          }
        });
    List<String> unexpected = new ArrayList<>();
    new TreeSet<>(actual.keySet())
        .forEach(
            key -> {
              if (!expected.containsKey(key)) {
                unexpected.add(key + ": got " + describe(actual.get(key)));
              }
            });
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(shown(missing.size() + " route windows missing", missing));
    }
    if (!unexpected.isEmpty()) {
      problems.add(shown(unexpected.size() + " route windows not expected", unexpected));
    }
    return problems;
  }

  private static String describe(Object value) {
    if (value instanceof Map<?, ?> rows) {
      return rows.values().stream().mapToLong(count -> (Long) count).sum() + " rows";
    }
    return String.valueOf(value);
  }

  /** The elements each side holds more often than the other, the first few of each shown. */
  private static <T> String multisetDifference(
      Map<T, Long> expected, Map<T, Long> actual, String indent) {
    Map<T, Long> missing = Multisets.difference(expected, actual);
    Map<T, Long> unexpected = Multisets.difference(actual, expected);
    List<String> lines = new ArrayList<>();
    if (!missing.isEmpty()) {
      lines.add(indent + Multisets.size(missing) + " rows missing, first:");
      lines.addAll(firstRows(missing, indent + "  "));
    }
    if (!unexpected.isEmpty()) {
      lines.add(indent + Multisets.size(unexpected) + " rows not expected, first:");
      lines.addAll(firstRows(unexpected, indent + "  "));
    }
    return String.join("\n", lines);
  }

  private static <T> List<String> firstRows(Map<T, Long> counts, String indent) {
    return counts.entrySet().stream()
        .map(entry -> indent + entry.getValue() + "x " + entry.getKey())
        .sorted(Comparator.naturalOrder())
        .limit(SHOWN)
        .toList();
  }

  private static String shown(String heading, List<String> items) {
    List<String> lines = new ArrayList<>();
    lines.add("  " + heading + (items.size() > SHOWN ? ", first " + SHOWN : "") + ":");
    items.stream().limit(SHOWN).forEach(item -> lines.add("    " + item));
    return String.join("\n", lines);
  }
}

package io.github.bddreplay.verify;

import java.util.List;

/**
 * One row of the verification: what was checked, the figure expected and the figure found, whether
 * the check holds, and the first differences, each naming its key or row.
 *
 * @param differences at most {@link #SHOWN} lines; a check that holds may still list what it left
 *     out of the answer (files the pipelines dead-lettered)
 */
public record CheckResult(
    String check, String expected, String found, boolean holds, List<String> differences) {
  /** How many differences a check lists. */
  public static final int SHOWN = 5;

  public CheckResult {
    differences = List.copyOf(differences.subList(0, Math.min(SHOWN, differences.size())));
  }

  /** A comparison: it holds when there is no difference. */
  static CheckResult compared(
      String check, String expected, String found, List<String> differences) {
    return new CheckResult(check, expected, found, differences.isEmpty(), differences);
  }

  /** A check that could not be made, for the reason given. */
  static CheckResult failed(String check, String expected, String reason) {
    return new CheckResult(check, expected, "-", false, List.of(reason));
  }

  public String verdict() {
    return holds ? "PASS" : "FAIL";
  }
}

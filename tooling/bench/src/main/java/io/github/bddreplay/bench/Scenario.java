package io.github.bddreplay.bench;

import java.util.List;

/** A benchmark of issue 5: a name for the command line and the cases it measures. */
public interface Scenario {
  String name();

  /** One line for {@code tooling/bench/run --help}. */
  String description();

  /** The cases to measure, with the data sets they need made ready. */
  List<BenchCase> cases(BenchContext context) throws Exception;
}

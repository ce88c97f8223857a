package io.github.bddreplay.bench;

import java.util.List;

/** A benchmark of issue 5: a name for the command line and the cases it measures. */
public abstract class Scenario {
  private final String name;
  private final String description;

  /**
   * @param description one line for {@code tooling/bench/run --help}
   */
  protected Scenario(String name, String description) {
    this.name = name;
    this.description = description;
  }

  public final String name() {
    return name;
  }

  public final String description() {
    return description;
  }

  /** The cases to measure, with the data sets they need made ready. */
  public abstract List<BenchCase> cases(BenchContext context) throws Exception;
}

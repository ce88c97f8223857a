package io.github.bddreplay.bench;

import java.util.Locale;

/** The Beam runners the pipelines are measured on. */
public enum Runner {
  /** Beam's Spark runner on the embedded {@code local[2]} Spark, the pipelines' default. */
  SPARK("SparkRunner", "spark-local"),
  /** Beam's Flink runner on the embedded Flink (profile {@code flink-local}). */
  FLINK("FlinkRunner", "flink-local"),
  DIRECT("DirectRunner", "direct");

  private final String beamName;
  private final String profile;

  Runner(String beamName, String profile) {
    this.beamName = beamName;
    this.profile = profile;
  }

  /** The runner profile (profiles/) a user selects this runner with, as the harness does. */
  public String profile() {
    return profile;
  }

  public String beamName() {
    return beamName;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code spark}, {@code flink} or {@code direct}. */
  public static Runner parse(String label) {
    for (Runner runner : values()) {
      if (runner.label().equalsIgnoreCase(label.trim())) {
        return runner;
      }
    }
    throw new IllegalArgumentException(
        "unknown runner '" + label + "': choose spark, flink or direct");
  }
}

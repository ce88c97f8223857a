package io.github.bddreplay.sparksubmit;

import io.github.bddreplay.testing.oracle.BatchOracle;
import io.github.bddreplay.testing.oracle.OracleAssertions;
import io.github.bddreplay.testing.oracle.PipelineOutputReader;
import io.github.bddreplay.testing.RealData;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** The batch oracle's answer for the real data replayed from {@code start}, checked against a run. */
final class RealDataAnswer {
  private RealDataAnswer() {}

  /**
   * The outputs under {@code <results>/output} equal the oracle's; a difference fails with the
   * {@code diagnostics} (the processes' last lines) appended.
   */
  static void assertOutputsUnder(Path results, Instant start, Supplier<String> diagnostics)
      throws Exception {
    BatchOracle oracle =
        BatchOracle.compute(RealData.dir(), ChronoUnit.MICROS.between(Instant.EPOCH, start));
    try {
      OracleAssertions.assertOutputsEqual(oracle, PipelineOutputReader.at(results.resolve("output")));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + diagnostics.get(), e);
    }
  }
}

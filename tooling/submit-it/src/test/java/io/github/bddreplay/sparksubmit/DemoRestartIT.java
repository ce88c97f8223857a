package io.github.bddreplay.sparksubmit;

import io.github.bddreplay.fixtures.oracle.RealDataAnswer;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.fixtures.restart.DemoRestart;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The spark-submitted demo killed and started again with the same {@code --checkpointDir} ({@link
 * DemoRestart}), mid-replay and once the replay has ended while the pipelines finish: the second
 * run resumes the replay (or finds nothing left to publish), the pipelines read the stream again
 * from its start, and it ends with the outputs of an uninterrupted run, equal to the batch
 * oracle's: no window lost, none duplicated in the final panes. Late files (30 %, up to 15 s of
 * event time) are part of the stream; whether they make late panes in a given run is not asserted
 * (at that delay they do only now and then).
 */
class DemoRestartIT {
  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(DemoRestart.KillPoint.class)
  void aRestartWithTheSameCheckpointFinishesWithTheBatchAnswer(DemoRestart.KillPoint killPoint)
      throws Exception {
    SparkHome spark = SparkHome.fromBuild();
    Path results = work.resolve("results");
    Path checkpoints = work.resolve("checkpoints");
    DemoRestart restart =
        new DemoRestart(
            demo(spark, results, checkpoints),
            spark.environment(),
            results,
            Paths.get(SparkHome.property("spark.it.logs")).resolve("demoRestart-" + killPoint),
            () -> DemoRestart.holds(checkpoints.resolve("spark-checkpoint"), "checkpoint-", ""));

    DemoRestart.Resumed resumed = restart.killAndResume(killPoint);

    RealDataAnswer.assertOutputsUnder(results, DemoRestart.START, resumed::tail);
  }

  /** spark-submit of the bundle's demo on local[2], at speedup 10 with late files. */
  private static List<String> demo(SparkHome spark, Path results, Path checkpoints) {
    List<String> submit = new ArrayList<>(List.of("--master", "local[2]", "--driver-memory", "1g"));
    submit.add(spark.bundle().toString());
    submit.addAll(DemoRestart.demoArguments(RealData.dir(), results, checkpoints, 10));
    return spark.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit", submit);
  }
}

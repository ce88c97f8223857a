package io.github.bddreplay.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.Replayer;
import io.github.bddreplay.runners.RunPipelines;
import io.github.bddreplay.runners.StreamingRunResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.beam.sdk.PipelineResult;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A results folder as a real run leaves it, made once per test JVM: the real data set replayed at
 * top speed with a third of its files held back up to 3 s (so the log has late arrivals), then the
 * three pipelines over it in bounded mode on the DirectRunner, writing {@code <results>/output}.
 */
final class GenuineRun {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final DisorderPlan HELD_BACK = new DisorderPlan(11, 0.3, 3.0);
  private static Path results;

  private GenuineRun() {}

  static synchronized Path results() throws Exception {
    if (results == null) {
      long began = System.nanoTime();
      Path work = Files.createTempDirectory("report-genuine-run");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.delete(work)));
      results = make(work);
      System.out.printf(
          "genuine run (replay and pipelines) made in %.1f s%n", (System.nanoTime() - began) / 1e9);
    }
    return results;
  }

  private static Path make(Path work) throws Exception {
    Path folder = work.resolve("results");
    new Replayer(
            new ReplayConfig(
                RealData.dir(),
                folder,
                Double.POSITIVE_INFINITY,
                START,
                1,
                HELD_BACK,
                CompressionCodecName.SNAPPY,
                2,
                true),
            ReplayClock.SYSTEM,
            new PrintStream(OutputStream.nullOutputStream()))
        .run();
    StreamingRunResult run =
        RunPipelines.run(
            RunPipelines.parse(
                "--runner=DirectRunner",
                "--mode=BATCH",
                "--inputDir=" + folder.resolve("input"),
                "--outputDir=" + folder.resolve("output"),
                "--checkpointDir=" + work.resolve("checkpoints")));
    assertThat("the pipelines' run", run.state(), is(PipelineResult.State.DONE));
    return folder;
  }
}

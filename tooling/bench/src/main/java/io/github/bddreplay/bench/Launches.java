package io.github.bddreplay.bench;

import io.github.bddreplay.replayer.cli.BddReplayCli;
import io.github.bddreplay.runners.RunPipelines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How the harness starts the replayer, the generator and the pipelines: the command lines a user
 * would type, the same JVM settings in every scenario.
 */
public final class Launches {
  /** Event time of offset 0 in every replay: windows fall on the same slices in every run. */
  public static final Instant REPLAY_START = Instant.parse("2026-11-24T10:00:00Z");

  /** The heap the tests and the pipelines' documentation use. */
  public static final String HEAP = "-Xmx2g";

  private final ChildJvm jvm;
  private final List<String> sparkJvmFlags;
  private final boolean flightRecordings;

  private Launches(ChildJvm jvm, List<String> sparkJvmFlags, boolean flightRecordings) {
    this.jvm = jvm;
    this.sparkJvmFlags = sparkJvmFlags;
    this.flightRecordings = flightRecordings;
  }

  /**
   * @param flightRecordings whether the replayer and the pipelines record a JFR profile into their
   *     log folder ({@code <label>.jfr}); it costs them a little CPU
   */
  public static Launches create(boolean flightRecordings) {
    return new Launches(ChildJvm.likeThisOne(), sparkAddOpens(), flightRecordings);
  }

  /**
   * The parent pom's {@code spark.add-opens}, which the build copies into bench.properties: the JVM
   * flags Spark needs on Java 17.
   */
  static List<String> sparkAddOpens() {
    Properties properties = new Properties();
    try (InputStream in = Launches.class.getResourceAsStream("/bench.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "bench.properties is missing from the classpath: build bench/");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String flags = properties.getProperty("spark.add-opens", "");
    if (flags.isBlank() || flags.contains("${")) {
      throw new IllegalStateException(
          "bench.properties has no spark.add-opens: build bench/ with Maven");
    }
    List<String> expanded = new ArrayList<>();
    for (String flag : flags.trim().split("\\s+")) {
      expanded.addAll(
          flag.startsWith("@") ? argumentFile(Path.of(flag.substring(1))) : List.of(flag));
    }
    return expanded;
  }

  /**
   * The flags in a java {@code @argument-file} (the property may name one), spelled out so that
   * result files and command lines show them.
   */
  static List<String> argumentFile(Path file) {
    try {
      return Arrays.asList(Files.readString(file).trim().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JVM flags of spark.add-opens in " + file, e);
    }
  }

  /** JVM flags of the pipelines: heap, Spark's opens, and what {@link SourceReadLog} needs. */
  public List<String> pipelinesJvmFlags() {
    List<String> flags = new ArrayList<>(List.of(HEAP));
    flags.addAll(sparkJvmFlags);
    flags.addAll(SourceReadLog.JVM_FLAGS);
    return flags;
  }

  public List<String> replayerJvmFlags() {
    return List.of(HEAP);
  }

  /**
   * Starts {@code SensorPipelines} on the input folder of a replay, writing into {@code
   * <workDir>/output}; {@code extraArgs} such as {@code --mode=BATCH}.
   */
  public ChildJvm.Running pipelines(
      Path workDir, Path inputDir, String pipelines, Runner runner, String... extraArgs)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--inputDir=" + inputDir,
                "--outputDir=" + output(workDir),
                "--errorsDir=" + workDir.resolve("errors"),
                "--checkpointDir=" + workDir.resolve("checkpoints"),
                "--pipelines=" + pipelines,
                "--profile=" + runner.profile()));
    args.addAll(List.of(extraArgs));
    return jvm.start(
        "pipelines",
        withRecording(pipelinesJvmFlags(), workDir, "pipelines"),
        RunPipelines.class.getName(),
        args,
        workDir,
        logs(workDir));
  }

  /** Starts the replayer from {@code source} into the results folder {@code results}. */
  public ChildJvm.Running replay(Path workDir, Path source, Path results, double speedup)
      throws IOException {
    return replay(workDir, source, results, speedup, 1);
  }

  /** Starts the replayer, replaying {@code source} {@code loops} times back to back. */
  public ChildJvm.Running replay(Path workDir, Path source, Path results, double speedup, int loops)
      throws IOException {
    List<String> args =
        List.of(
            "replay",
            "--source=" + source,
            "--results=" + results,
            "--speedup=" + speedupArg(speedup),
            "--loop=" + loops,
            "--start=" + REPLAY_START,
            "--quiet");
    return jvm.start(
        "replayer",
        withRecording(replayerJvmFlags(), workDir, "replayer"),
        BddReplayCli.class.getName(),
        args,
        workDir,
        logs(workDir));
  }

  /** Starts the synthetic data generator: {@code cars} × {@code seconds}, seed 42. */
  public ChildJvm.Running synth(Path workDir, int cars, int seconds, Path out) throws IOException {
    List<String> args =
        List.of("synth", "--cars=" + cars, "--duration=" + seconds, "--seed=42", "--out=" + out);
    return jvm.start(
        "synth", replayerJvmFlags(), BddReplayCli.class.getName(), args, workDir, logs(workDir));
  }

  private List<String> withRecording(List<String> flags, Path workDir, String label) {
    if (!flightRecordings) {
      return flags;
    }
    List<String> recorded = new ArrayList<>(flags);
    // A Spark task's stack is deeper than JFR's default 64 frames, which cut off the frames that
    // say which pipeline step a sample belongs to.
    recorded.add("-XX:FlightRecorderOptions=stackdepth=512");
    recorded.add(
        "-XX:StartFlightRecording=settings=profile,filename="
            + logs(workDir).resolve(label + ".jfr"));
    return recorded;
  }

  public static Path output(Path workDir) {
    return workDir.resolve("output");
  }

  public static Path logs(Path workDir) {
    return workDir.resolve("logs");
  }

  static String speedupArg(double speedup) {
    if (Double.isInfinite(speedup)) {
      return "max";
    }
    return speedup == Math.rint(speedup)
        ? Long.toString((long) speedup)
        : String.format(Locale.ROOT, "%s", speedup);
  }
}

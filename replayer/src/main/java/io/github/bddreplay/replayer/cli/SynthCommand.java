package io.github.bddreplay.replayer.cli;

import io.github.bddreplay.replayer.progress.Progress;
import io.github.bddreplay.replayer.synth.DefaultDataset;
import io.github.bddreplay.replayer.synth.SynthConfig;
import io.github.bddreplay.replayer.synth.SynthSummary;
import io.github.bddreplay.replayer.synth.SyntheticDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synth}: generates a synthetic data set in the layout and schemas of the real one. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic data set like the Berkeley DeepDrive extract:",
      "<out>/{locations,accelerations}/t=NNN.N/<car-uuid>.parquet with plausible drives",
      "(1 Hz GPS, 50 Hz accelerometer) in New York City and the Bay Area.",
      "Equal parameters give byte-identical files. The cars written so far show on standard",
      "error: a bar with its ETA on a terminal, else a line every few seconds."
    })
public final class SynthCommand implements Callable<Integer> {
  static final int BAD_ARGUMENTS = 2;
  static final int FAILED = 1;

  @Option(
      names = "--cars",
      paramLabel = "N",
      defaultValue = "40",
      description = "Number of cars (default: ${DEFAULT-VALUE}).")
  int cars;

  @Option(
      names = "--duration",
      paramLabel = "S",
      defaultValue = "120",
      description = "Length of the recording in seconds (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(
      names = "--seed",
      paramLabel = "K",
      defaultValue = "42",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder to create; must not exist or be empty (default: data/"
              + DefaultDataset.FOLDER
              + ").")
  Path out;

  @Option(
      names = "--codec",
      paramLabel = "CODEC",
      defaultValue = "GZIP",
      completionCandidates = SynthCommand.Codecs.class,
      description =
          "Parquet compression: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, like the real data).")
  CompressionCodecName codec;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Threads writing files; the output does not depend on it (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress of the cars written; only the summary.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path target =
        out != null ? out : ProjectHome.path().resolve("data").resolve(DefaultDataset.FOLDER);
    SynthConfig config;
    SyntheticDataset generator;
    try {
      config = new SynthConfig(cars, duration, seed, codec);
      generator = new SyntheticDataset(threads);
      requireNoData(target);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return BAD_ARGUMENTS;
    }

    long started = System.nanoTime();
    SynthSummary summary;
    try (Progress progress = quiet ? null : Progress.start("synth", config.cars(), "cars", err)) {
      Files.deleteIfExists(target);
      Runnable carWritten = progress == null ? () -> {} : () -> progress.stepBy(1);
      summary = generator.onEachCarWritten(carWritten).publish(config, target);
    } catch (IOException e) {
      err.println("error: cannot generate the data set in " + target + ": " + e.getMessage());
      return FAILED;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(summary.describe(seconds));
    stdout.println("synthetic data set (" + config.describe() + ") written to " + target);
    stdout.flush();
    return 0;
  }

  /** The codec names offered in the help. */
  static final class Codecs implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SynthConfig.SUPPORTED_CODECS.stream().map(Enum::name).iterator();
    }
  }

  /** Refuses to mix a new data set with existing files. */
  private static void requireNoData(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IllegalArgumentException(target + " exists and is not a folder");
    }
    try (Stream<Path> entries = Files.list(target)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(
            target + " exists and is not empty; choose another --out or remove it");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + target + ": " + e.getMessage());
    }
  }
}

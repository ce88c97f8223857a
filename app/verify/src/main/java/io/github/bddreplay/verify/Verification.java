package io.github.bddreplay.verify;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.replayer.progress.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a finished run's outputs are right: the batch answer, computed on its own with SQL in
 * DuckDB from the stream as published (or from the source data set replayed again), compared with
 * what the pipelines wrote.
 *
 * <pre>{@code
 * VerifyReport report = Verification.of(resultsDir).pipelines(Pipeline.parse("simple,windowed")).run();
 * }</pre>
 */
public final class Verification {
  /** Above this many bytes of input and output, the steps show progress. */
  static final long LARGE_BYTES = 64L << 20;

  private final Path results;
  private Set<Pipeline> pipelines = EnumSet.allOf(Pipeline.class);
  private Path source;
  private Path output;
  private PrintStream progressOut;

  private Verification(Path results) {
    this.results = results;
  }

  /** A verification of the run whose results folder is {@code results}. */
  public static Verification of(Path results) {
    return new Verification(results);
  }

  /** Checks the outputs of these pipelines only (default: all three). */
  public Verification pipelines(Set<Pipeline> selected) {
    this.pipelines = EnumSet.copyOf(selected);
    return this;
  }

  /**
   * Computes the answer from the source data set {@code dir}, replayed with the start and loops
   * recorded in the results folder, instead of from {@code input/}; null for {@code input/}.
   */
  public Verification source(Path dir) {
    this.source = dir;
    return this;
  }

  /**
   * Checks the outputs under {@code dir} (what the pipelines' {@code --outputDir} named) instead of
   * {@code <results>/output}; null for the latter.
   */
  public Verification output(Path dir) {
    this.output = dir;
    return this;
  }

  /**
   * Shows the progress of a large verification on {@code out}: one step per batch of the answer's
   * files loaded, and per check.
   */
  public Verification progressTo(PrintStream out) {
    this.progressOut = out;
    return this;
  }

  /**
   * Computes the answer and makes every check.
   *
   * @throws BadInputException when there is no such results folder, nothing to compute the answer
   *     from, or the recorded replay cannot be read
   */
  public VerifyReport run() throws IOException {
    long began = System.nanoTime();
    Path root = results.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new BadInputException("no results folder " + results);
    }
    AnswerSource answer = answerSource(root, DeadLetter.readAll(root.resolve(StreamLayout.ERRORS)));
    Path output =
        this.output != null
            ? this.output.toAbsolutePath().normalize()
            : root.resolve(StreamLayout.OUTPUT);
    List<Check> checks = outputChecks(output);
    List<CheckResult> done = new ArrayList<>();
    try (DuckDb db = DuckDb.open();
        Progress progress =
            progress(answer, output, ExpectedRows.batches(answer) + checks.size())) {
      if (source == null) {
        done.add(FileChecks.replayFinished(root));
      }
      List<ExpectedRows.Unreadable> unreadable = loadAnswer(db, answer, () -> step(progress));
      done.add(FileChecks.filesRead(answer, allFiles(answer), unreadable));
      done.add(FileChecks.deadLetters(answer));
      for (Check check : checks) {
        done.add(run(check, db));
        step(progress);
      }
      done.add(FileChecks.outputFiles(output));
    }
    return new VerifyReport(root, answer.description(), (System.nanoTime() - began) / 1e9, done);
  }

  private AnswerSource answerSource(Path root, List<DeadLetter> letters) throws IOException {
    if (source != null) {
      RecordedReplay replay = RecordedReplay.read(root.resolve(StreamLayout.REPLAY_STATE));
      return SourceReplay.of(source, replay, letters);
    }
    if (!Files.isDirectory(root.resolve(StreamLayout.INPUT))) {
      throw new BadInputException(
          "no input folder "
              + root.resolve(StreamLayout.INPUT)
              + ": nothing to compute the answer from; give --source DIR with the data set replayed");
    }
    return PublishedStream.of(root, letters);
  }

  private List<Check> outputChecks(Path output) throws IOException {
    List<Check> checks = new ArrayList<>();
    // First: they take the late rows out of the answer the other checks compare with.
    for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
      checks.add(
          new LateRowsCheck(
              topic,
              OutputFolder.at("late " + topic, output.resolve(StreamLayout.LATE).resolve(topic))));
    }
    if (pipelines.contains(Pipeline.SIMPLE)) {
      for (String topic : List.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())) {
        Path dir = output.resolve(Pipeline.SIMPLE.folderName()).resolve(topic);
        checks.add(new SimpleRowsCheck(topic, OutputFolder.at("simple " + topic, dir)));
      }
    }
    if (pipelines.contains(Pipeline.WINDOWED)) {
      PanedOutput windowed = new PanedOutput(folderOf(output, Pipeline.WINDOWED), Schemas.WINDOWED);
      checks.add(new WindowedCheck(windowed));
      checks.add(new PaneProtocolCheck(windowed));
    }
    if (pipelines.contains(Pipeline.STREAM_JOINED)) {
      checks.add(new JoinedCheck(folderOf(output, Pipeline.STREAM_JOINED)));
    }
    return checks;
  }

  private static OutputFolder folderOf(Path output, Pipeline pipeline) throws IOException {
    String name = pipeline.folderName();
    return OutputFolder.at(name, output.resolve(name));
  }

  private static List<ExpectedRows.Unreadable> loadAnswer(
      DuckDb db, AnswerSource answer, Runnable afterBatch) {
    try {
      return ExpectedRows.load(db, answer, afterBatch);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot load the answer into DuckDB: " + DuckDb.firstLine(e), e);
    }
  }

  private static CheckResult run(Check check, DuckDb db) {
    try {
      return check.run(db);
    } catch (SQLException e) {
      return CheckResult.failed(check.name(), "-", "cannot check: " + DuckDb.firstLine(e));
    }
  }

  private static List<Path> allFiles(AnswerSource answer) {
    return Stream.of(Topic.LOCATIONS.folderName(), Topic.ACCELERATIONS.folderName())
        .flatMap(topic -> answer.files(topic).stream())
        .toList();
  }

  /** The progress of the steps when asked for and the run is large, else null (none shown). */
  private Progress progress(AnswerSource answer, Path output, int steps) throws IOException {
    boolean large =
        progressOut != null
            && bytes(allFiles(answer)) + bytes(VisibleFiles.under(output)) >= LARGE_BYTES;
    return large ? Progress.start("verify", steps, "steps", progressOut) : null;
  }

  private static void step(Progress progress) {
    if (progress != null) {
      progress.stepBy(1);
    }
  }

  private static long bytes(List<Path> files) throws IOException {
    long total = 0;
    for (Path file : files) {
      total += Files.size(file);
    }
    return total;
  }
}

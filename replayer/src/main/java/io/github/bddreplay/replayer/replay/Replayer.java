package io.github.bddreplay.replayer.replay;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.replayer.slices.SourceCatalog;
import io.github.bddreplay.replayer.storage.Storage;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a time-sliced data set into a live stream of files, in two steps: {@link #prepare()} checks
 * everything and readies the results folder, and {@link PreparedReplay#run()} publishes on
 * schedule, so that a caller can start a reader of {@code input/} in between.
 *
 * <p>A replay records what it needs to be continued in {@code <results>/replay-state.json}; with
 * {@link ReplayConfig#resume()} a replay that was stopped (killed, interrupted) continues where it
 * stopped, with the same file names, contents and schedule as if it had never stopped.
 */
public final class Replayer {
  private final ReplayConfig config;
  private final ReplayClock clock;
  private final PrintStream console;

  public Replayer(ReplayConfig config, ReplayClock clock, PrintStream console) {
    this.config = config;
    this.clock = clock;
    this.console = console;
  }

  /** Replays the whole source, then writes the end-of-stream marker: {@code prepare().run()}. */
  public ReplaySummary run() throws IOException, InterruptedException {
    return prepare().run();
  }

  /**
   * Scans the source, decides each topic's schema, plans every publication and readies the results
   * folder; publishes nothing. A fresh replay (no {@code resume}, or no recorded state) empties
   * {@code staging/} and {@code input/} and forgets the recorded state. A resumed one checks that
   * the settings are the recorded ones, empties {@code staging/} only, and skips the publications
   * already in {@code input/}.
   *
   * @throws BadInputException when the source, the results folder or the settings do not allow the
   *     replay, with a one-line message; nothing has been deleted then
   */
  public PreparedReplay prepare() throws IOException {
    ReplayConsole out = new ReplayConsole(console, config.quiet());
    SourceCatalog catalog = SourceCatalog.scan(config.source(), out::warn);
    String realSource =
        config
            .source()
            .storage()
            .describe(config.source().storage().canonical(config.source().path()));
    ResultsFolder results = ResultsFolder.claim(config.results(), config.source());
    Optional<ReplayState> recorded = Optional.empty();
    if (config.resume()) {
      recorded = ReplayState.read(results);
      if (recorded.isEmpty()) {
        out.note(
            "no replay state in "
                + results.describe(results.replayState())
                + ": starting a fresh replay");
      }
    }
    Map<String, PublicationWriter> writers = new TreeMap<>();
    for (String topic : catalog.topics()) {
      writers.put(
          topic,
          new PublicationWriter(
              topic,
              TopicSchema.decide(topic, catalog.storage(), catalog.slices(topic), out::warn),
              config.codec(),
              out::warn,
              catalog.storage(),
              results.storage()));
    }
    Instant start =
        recorded
            .map(ReplayState::start)
            .orElseGet(() -> config.start() != null ? config.start() : clock.now());
    List<Publication> plan =
        ReplayPlan.of(
            catalog,
            ChronoUnit.MICROS.between(Instant.EPOCH, start),
            config.speedup(),
            config.loops(),
            config.disorder());

    if (recorded.isEmpty()) {
      results.prepareAfresh(catalog.topics());
      return PreparedReplay.fresh(config, clock, out, results, writers, plan, start, realSource);
    }
    ReplayState state = recorded.get();
    refuseToContinue(state, results, realSource, catalog.storage(), plan);
    results.prepareToResume(catalog.topics());
    List<Publication> pending =
        plan.stream()
            .filter(p -> !results.exists(PreparedReplay.place(results.input(), p, state.runId())))
            .toList();
    boolean complete = results.exists(results.input().resolve(StreamLayout.END_OF_STREAM_MARKER));
    if (complete) {
      out.note(
          "the replay in "
              + results.describe(results.root())
              + " was already complete ("
              + StreamLayout.END_OF_STREAM_MARKER
              + " is there): nothing to publish");
    } else {
      out.note(
          String.format(
              "resuming the replay started at %s (run %s, event time start %s): %d of %d"
                  + " publications already in %s",
              state.wallStart(),
              state.runId(),
              state.start(),
              plan.size() - pending.size(),
              plan.size(),
              results.describe(results.input())));
    }
    return PreparedReplay.resumed(
        config, clock, out, results, writers, plan, state, pending, complete);
  }

  private void refuseToContinue(
      ReplayState state,
      ResultsFolder results,
      String realSource,
      Storage sourceStorage,
      List<Publication> plan) {
    List<String> differences = state.differences(config, realSource);
    if (!differences.isEmpty()) {
      throw new BadInputException(
          "cannot resume the replay recorded in "
              + results.describe(results.replayState())
              + ": "
              + String.join(", ", differences)
              + "; give the recorded settings, or start afresh without --resume");
    }
    if (!state.planFingerprint().equals(ReplayState.fingerprint(sourceStorage, plan))) {
      throw new BadInputException(
          "cannot resume the replay recorded in "
              + results.describe(results.replayState())
              + ": the files in "
              + realSource
              + " are not the ones it was replaying; start afresh without --resume");
    }
  }
}

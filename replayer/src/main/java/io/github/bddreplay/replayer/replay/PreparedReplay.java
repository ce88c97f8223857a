package io.github.bddreplay.replayer.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A replay that {@link Replayer#prepare()} has readied: the results folder is prepared and the plan
 * made; {@link #run()} publishes it on schedule. Publications are read and written into {@code
 * staging/} a few ahead of their due time by worker threads, and each is moved into {@code input/}
 * with an atomic rename once its due time has come: a reader of {@code input/} only ever sees whole
 * files, and the time a file appears depends on the clock, not on how long it took to write.
 *
 * <p><b>Stopping.</b> Interrupt the thread that runs {@link #run()}: it throws {@link
 * InterruptedException} before its next publication. What it leaves is consistent: every file in
 * {@code input/} is whole and has its line in the replay log, unfinished files stay in {@code
 * staging/}, and a replay resumed later continues from there.
 */
public final class PreparedReplay {
  /** How long a stopped replay waits for its stager threads to let go of staging/. */
  private static final Duration STAGERS_GRACE = Duration.ofSeconds(30);

  private final ReplayConfig config;
  private final ReplayClock clock;
  private final ReplayConsole out;
  private final ResultsFolder results;
  private final Map<String, PublicationWriter> writers;
  private final List<Publication> plan;
  private final Instant start;

  /** The source's canonical name, as the replay state records it. */
  private final String realSource;

  private final Optional<ReplayState> recorded;
  private final List<Publication> pending;
  private final boolean alreadyComplete;
  private final AtomicBoolean started = new AtomicBoolean();

  private PreparedReplay(
      ReplayConfig config,
      ReplayClock clock,
      ReplayConsole out,
      ResultsFolder results,
      Map<String, PublicationWriter> writers,
      List<Publication> plan,
      Instant start,
      String realSource,
      Optional<ReplayState> recorded,
      List<Publication> pending,
      boolean alreadyComplete) {
    this.config = config;
    this.clock = clock;
    this.out = out;
    this.results = results;
    this.writers = writers;
    this.plan = plan;
    this.start = start;
    this.realSource = realSource;
    this.recorded = recorded;
    this.pending = pending;
    this.alreadyComplete = alreadyComplete;
  }

  static PreparedReplay fresh(
      ReplayConfig config,
      ReplayClock clock,
      ReplayConsole out,
      ResultsFolder results,
      Map<String, PublicationWriter> writers,
      List<Publication> plan,
      Instant start,
      String realSource) {
    return new PreparedReplay(
        config,
        clock,
        out,
        results,
        writers,
        plan,
        start,
        realSource,
        Optional.empty(),
        plan,
        false);
  }

  static PreparedReplay resumed(
      ReplayConfig config,
      ReplayClock clock,
      ReplayConsole out,
      ResultsFolder results,
      Map<String, PublicationWriter> writers,
      List<Publication> plan,
      ReplayState state,
      List<Publication> pending,
      boolean alreadyComplete) {
    return new PreparedReplay(
        config,
        clock,
        out,
        results,
        writers,
        plan,
        state.start(),
        state.source(),
        Optional.of(state),
        alreadyComplete ? List.of() : pending,
        alreadyComplete);
  }

  /** The event time of offset 0: given, recorded (when resumed), or the time of preparation. */
  public Instant start() {
    return start;
  }

  /** Whether this continues a replay recorded in the results folder. */
  public boolean resumed() {
    return recorded.isPresent();
  }

  /** Whether the resumed replay had already published everything and its end-of-stream marker. */
  public boolean alreadyComplete() {
    return alreadyComplete;
  }

  /** How many publications the whole replay has. */
  public int publications() {
    return plan.size();
  }

  /** How many of them a resumed replay found in {@code input/} and will not publish again. */
  public int alreadyPublished() {
    return plan.size() - pending.size();
  }

  /** The results folder, prepared; {@code input()} is where the stream appears. */
  public ResultsFolder results() {
    return results;
  }

  /**
   * Publishes every pending publication once its due time (wall-clock start + t / speedup) has
   * come, overdue ones at once in plan order, then the end-of-stream marker. A fresh replay first
   * records its state; a resumed one appends to the replay log. Runs once.
   *
   * @throws InterruptedException when the running thread was interrupted (see the class comment)
   */
  public ReplaySummary run() throws IOException, InterruptedException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a prepared replay runs once; prepare it again");
    }
    Map<String, Long> rowsByTopic = new TreeMap<>();
    writers.keySet().forEach(topic -> rowsByTopic.put(topic, 0L));
    if (alreadyComplete) {
      return summary(Duration.ZERO, 0, rowsByTopic, List.of());
    }
    Instant ranFrom = clock.now();
    ReplayState state = recorded.isPresent() ? recorded.get() : recordFreshState(ranFrom);
    Instant began = state.wallStart();
    List<Long> lags = new ArrayList<>();
    int filesPublished = 0;
    int lookahead = 2 * config.threads() + 2;
    ExecutorService stagers =
        Executors.newFixedThreadPool(
            config.threads(),
            runnable -> {
              Thread thread = new Thread(runnable, "replay-stager");
              thread.setDaemon(true);
              return thread;
            });
    List<Future<PublicationWriter.Staged>> staged =
        new ArrayList<>(Collections.nCopies(pending.size(), null));
    try (ReplayLog log = new ReplayLog(results, resumed())) {
      int submitted = 0;
      for (int i = 0; i < pending.size(); i++) {
        for (; submitted < pending.size() && submitted < i + lookahead; submitted++) {
          Publication next = pending.get(submitted);
          Path stagingFile = createParent(place(results.staging(), next, state.runId()));
          staged.set(
              submitted, stagers.submit(() -> writers.get(next.topic()).stage(next, stagingFile)));
        }
        Publication publication = pending.get(i);
        Instant due = began.plusNanos((long) (publication.dueSeconds() * 1e9));
        stopIfInterrupted();
        clock.sleepUntil(due);
        PublicationWriter.Staged result = await(staged.set(i, null));
        stopIfInterrupted();
        if (result.isEmpty()) {
          continue;
        }
        Path inputFile = createParent(place(results.input(), publication, state.runId()));
        results.storage().moveAtomically(result.file(), inputFile);
        Instant published = clock.now();
        long lag = Duration.between(due, published).toMillis();
        lags.add(lag);
        filesPublished += result.filesUsed();
        rowsByTopic.merge(publication.topic(), result.rows(), Long::sum);
        if (result.rowsWithoutOffset() > 0) {
          out.warn(
              results.describe(inputFile)
                  + ": "
                  + result.rowsWithoutOffset()
                  + " rows without offset, timestamp left empty");
        }
        log.published(publication, inputFile, result, due, published);
        out.progress(
            publication,
            result,
            Duration.between(began, due),
            Duration.between(began, published),
            lag);
      }
    } finally {
      stopStagers(stagers);
    }
    stopIfInterrupted();
    ReplaySummary summary =
        summary(Duration.between(ranFrom, clock.now()), filesPublished, rowsByTopic, lags);
    writeEndOfStream(state, summary);
    return summary;
  }

  /** Records a fresh replay's state, counting its schedule from {@code now} to the millisecond. */
  private ReplayState recordFreshState(Instant now) throws IOException {
    ReplayState state =
        ReplayState.of(config, realSource, start, Instant.ofEpochMilli(now.toEpochMilli()), plan);
    results.writeAtomically(results.replayState(), state.toJson());
    return state;
  }

  private ReplaySummary summary(
      Duration wallTime, int filesPublished, Map<String, Long> rowsByTopic, List<Long> lags) {
    int slices = (int) plan.stream().map(p -> p.topic() + "/" + p.slice()).distinct().count();
    return new ReplaySummary(
        start,
        wallTime,
        slices,
        plan.size(),
        alreadyPublished(),
        resumed(),
        alreadyComplete,
        filesPublished,
        rowsByTopic,
        lags,
        out.warnings());
  }

  static Path place(Path root, Publication publication, String runId) {
    return root.resolve(publication.inputName(runId));
  }

  private Path createParent(Path file) throws IOException {
    results.storage().createDirectories(file.getParent());
    return file;
  }

  private static void stopIfInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("replay stopped");
    }
  }

  private static PublicationWriter.Staged await(Future<PublicationWriter.Staged> future)
      throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Stops the stagers and waits for them, even when this thread is being interrupted: a stager
   * still writing into staging/ could otherwise clash with the files of a replay resumed next.
   */
  private static void stopStagers(ExecutorService stagers) {
    stagers.shutdownNow();
    boolean interrupted = false;
    long deadline = System.nanoTime() + STAGERS_GRACE.toNanos();
    while (!stagers.isTerminated() && System.nanoTime() < deadline) {
      try {
        stagers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeEndOfStream(ReplayState state, ReplaySummary summary) throws IOException {
    results.writeAtomically(
        results.input().resolve(StreamLayout.END_OF_STREAM_MARKER),
        endOfStreamJson(state, summary));
  }

  private String endOfStreamJson(ReplayState state, ReplaySummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("start", summary.start().toString());
    json.put("start_micros", ChronoUnit.MICROS.between(Instant.EPOCH, summary.start()));
    json.put("run_id", state.runId());
    json.put("slices", summary.slices());
    json.put("publications", summary.publications());
    json.put("already_published", summary.alreadyPublished());
    json.put("published_now", summary.publishedNow());
    json.put("source_files", summary.filesPublished());
    json.put("rows", summary.rows());
    json.put("finished", clock.now().toString());
    try {
      return new ObjectMapper().writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the end-of-stream marker cannot be written as JSON", e);
    }
  }
}

package io.github.bddreplay.replay;

import io.github.bddreplay.slices.SourceCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Turns a time-sliced data set into a live stream of files. Publications are read and written
 * into {@code staging/} a few ahead of their due time by worker threads, and each is moved into
 * {@code input/} with an atomic rename once its due time has come: a reader of {@code input/} only
 * ever sees whole files, and the time a file appears depends on the clock, not on how long it took
 * to write.
 */
public final class Replayer {
  private final ReplayConfig config;
  private final ReplayClock clock;
  private final PrintStream console;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  public Replayer(ReplayConfig config, ReplayClock clock, PrintStream console) {
    this.config = config;
    this.clock = clock;
    this.console = console;
  }

  /** Replays the whole source, then writes the end-of-stream marker. */
  public ReplaySummary run() throws IOException, InterruptedException {
    Consumer<String> warn = this::warn;
    SourceCatalog catalog = SourceCatalog.scan(config.source(), warn);
    ResultsFolder results = ResultsFolder.prepare(config.results(), config.source(), catalog.topics());
    Map<String, PublicationWriter> writers = new TreeMap<>();
    for (String topic : catalog.topics()) {
      writers.put(
          topic,
          new PublicationWriter(
              topic, TopicSchema.decide(topic, catalog.slices(topic), warn), config.codec(), warn));
    }
    long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, config.start());
    List<Publication> plan =
        ReplayPlan.of(catalog, startMicros, config.speedup(), config.loops(), config.disorder());

    Instant began = clock.now();
    String runId = Long.toString(began.toEpochMilli());
    Map<String, Long> rowsByTopic = new TreeMap<>();
    catalog.topics().forEach(topic -> rowsByTopic.put(topic, 0L));
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
    List<Future<PublicationWriter.Staged>> staged = new ArrayList<>(Collections.nCopies(plan.size(), null));
    try (ReplayLog log = new ReplayLog(results.replayLog())) {
      int submitted = 0;
      for (int i = 0; i < plan.size(); i++) {
        for (; submitted < plan.size() && submitted < i + lookahead; submitted++) {
          Publication next = plan.get(submitted);
          Path stagingFile = place(results.staging(), next, runId);
          staged.set(submitted, stagers.submit(() -> writers.get(next.topic()).stage(next, stagingFile)));
        }
        Publication publication = plan.get(i);
        Instant due = began.plusNanos((long) (publication.dueSeconds() * 1e9));
        clock.sleepUntil(due);
        PublicationWriter.Staged result = await(staged.set(i, null));
        if (result.isEmpty()) {
          continue;
        }
        Path inputFile = place(results.input(), publication, runId);
        Files.move(result.file(), inputFile, StandardCopyOption.ATOMIC_MOVE);
        Instant published = clock.now();
        long lag = Duration.between(due, published).toMillis();
        lags.add(lag);
        filesPublished += result.filesUsed();
        rowsByTopic.merge(publication.topic(), result.rows(), Long::sum);
        if (result.rowsWithoutOffset() > 0) {
          warn(inputFile + ": " + result.rowsWithoutOffset() + " rows without offset, timestamp left empty");
        }
        log.published(publication, inputFile, result, due, published);
        progress(publication, result, Duration.between(began, due), Duration.between(began, published), lag);
      }
    } finally {
      stagers.shutdownNow();
    }
    int slices = (int) plan.stream().map(p -> p.topic() + "/" + p.slice()).distinct().count();
    ReplaySummary summary =
        new ReplaySummary(
            config.start(),
            Duration.between(began, clock.now()),
            slices,
            plan.size(),
            filesPublished,
            rowsByTopic,
            lags,
            List.copyOf(warnings));
    writeEndOfStream(results, summary);
    return summary;
  }

  /** {@code <root>/<topic>/<slice>/p<seq>-<run>.parquet}, with its folder created. */
  private static Path place(Path root, Publication publication, String runId) throws IOException {
    Path folder = root.resolve(publication.topic()).resolve(publication.slice().folderName());
    Files.createDirectories(folder);
    return folder.resolve(String.format("p%03d-%s.parquet", publication.sequence(), runId));
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

  private void writeEndOfStream(ResultsFolder results, ReplaySummary summary) throws IOException {
    Path staged = results.staging().resolve(ResultsFolder.END_OF_STREAM_MARKER);
    Files.writeString(
        staged,
        String.format(
            "{\"start\":%s,\"start_micros\":%d,\"slices\":%d,\"publications\":%d,\"source_files\":%d,"
                + "\"rows\":%d,\"finished\":%s}%n",
            ReplayLog.quote(summary.start().toString()),
            ChronoUnit.MICROS.between(Instant.EPOCH, summary.start()),
            summary.slices(),
            summary.publications(),
            summary.filesPublished(),
            summary.rows(),
            ReplayLog.quote(clock.now().toString())),
        StandardCharsets.UTF_8);
    Files.move(
        staged,
        results.input().resolve(ResultsFolder.END_OF_STREAM_MARKER),
        StandardCopyOption.ATOMIC_MOVE);
  }

  private void progress(
      Publication publication, PublicationWriter.Staged result, Duration due, Duration at, long lag) {
    if (config.quiet()) {
      return;
    }
    console.printf(
        "%-14s %s  due %8.3f s  at %8.3f s  lag %5d ms  rows %7d  files %4d%s%n",
        publication.topic(),
        publication.slice().folderName(),
        due.toNanos() / 1e9,
        at.toNanos() / 1e9,
        lag,
        result.rows(),
        result.filesUsed(),
        publication.isLate() ? String.format("  (held back %.2f s)", publication.delaySeconds()) : "");
  }

  private void warn(String message) {
    warnings.add(message);
    console.println("warning: " + message);
  }
}

package io.github.bddreplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples a child JVM's resident memory and open file descriptors at a fixed interval while it
 * runs, from {@code /proc}: GNU time reports only the peak, and a long run needs the curve to show
 * whether memory or descriptors keep growing.
 */
final class ProcessSampler implements AutoCloseable {
  /** One reading of the JVM. */
  record Sample(Instant at, long rssKib, int openFiles) {}

  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "process-sampler");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration every;

  /** A sampler that reads every {@code every} once it {@link #watch watches} a JVM. */
  ProcessSampler(Duration every) {
    this.every = every;
  }

  /** Starts sampling the JVM that {@code child} runs (time's child process). */
  void watch(ChildJvm.Running child) {
    timer.scheduleAtFixedRate(
        () -> child.jvm().flatMap(ProcessSampler::read).ifPresent(samples::add),
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The samples so far, oldest first. */
  List<Sample> samples() {
    return List.copyOf(samples);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** A reading of {@code process}, or empty once it has exited. */
  private static Optional<Sample> read(ProcessHandle process) {
    Path proc = Paths.get("/proc", Long.toString(process.pid()));
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      int openFiles = (int) fds.count();
      OptionalLong rss = rssKib(Files.readString(proc.resolve("status")));
      return rss.isPresent()
          ? Optional.of(new Sample(Instant.now(), rss.getAsLong(), openFiles))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // its /proc entry is gone: it exited
    }
  }

  /**
   * The resident set size in a {@code /proc/<pid>/status} text; empty for a process that exited and
   * was not yet reaped, which has no memory and no VmRSS line.
   */
  static OptionalLong rssKib(String status) {
    Matcher matcher = VM_RSS.matcher(status);
    return matcher.find()
        ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }
}

package io.github.bddreplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a main class in a fresh JVM under {@code /usr/bin/time -v}, with the harness's own
 * classpath (it holds the replayer and the pipelines), its output in log files.
 */
public final class ChildJvm {
  private static final String TIME = "/usr/bin/time";

  private final String classpath;
  private final String java;

  private ChildJvm(String classpath, String java) {
    this.classpath = classpath;
    this.java = java;
  }

  /** Children of this JVM: same java executable, same classpath. */
  public static ChildJvm likeThisOne() {
    if (!Files.isExecutable(Paths.get(TIME))) {
      throw new IllegalStateException(
          TIME
              + " is missing: the harness measures CPU time and peak memory with GNU time"
              + " (Debian/Ubuntu package 'time')");
    }
    return new ChildJvm(
        System.getProperty("java.class.path"),
        Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * Starts {@code mainClass} with its working folder {@code workDir}; stdout, stderr and the time
   * report go to {@code <logDir>/<label>.{out,err,time}}.
   */
  public Running start(
      String label,
      List<String> jvmFlags,
      String mainClass,
      List<String> args,
      Path workDir,
      Path logDir)
      throws IOException {
    Files.createDirectories(workDir);
    Files.createDirectories(logDir);
    Path timeReport = logDir.resolve(label + ".time");
    List<String> command = new ArrayList<>(List.of(TIME, "-v", "-o", timeReport.toString(), java));
    command.addAll(jvmFlags);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(logDir.resolve(label + ".out").toFile())
            .redirectError(logDir.resolve(label + ".err").toFile());
    // The classpath is long; in the environment it keeps command lines and time reports readable.
    builder.environment().put("CLASSPATH", classpath);
    Files.writeString(logDir.resolve(label + ".cmd"), String.join(" ", command) + "\n");
    Instant started = Instant.now();
    Process process = builder.start();
    return new Running(label, process, started, logDir);
  }

  /** A started child JVM. */
  public static final class Running {
    private final String label;
    private final Process process;
    private final Instant started;
    private final Path logDir;

    private Running(String label, Process process, Instant started, Path logDir) {
      this.label = label;
      this.process = process;
      this.started = started;
      this.logDir = logDir;
    }

    public Instant started() {
      return started;
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /**
     * The JVM itself: the child of GNU time once it executes java (for a moment after the fork it
     * still runs time's own image).
     */
    public Optional<ProcessHandle> jvm() {
      return process
          .children()
          .filter(child -> child.info().command().map(c -> c.endsWith("/java")).orElse(false))
          .findFirst();
    }

    public Path stdout() {
      return logDir.resolve(label + ".out");
    }

    public Path stderr() {
      return logDir.resolve(label + ".err");
    }

    /**
     * Waits for the JVM to exit, killing it after {@code timeout}, and reads what it cost.
     *
     * @throws IOException when the time report cannot be read
     */
    public ProcessUsage await(Duration timeout) throws IOException, InterruptedException {
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        kill();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor();
        }
      }
      Instant ended = Instant.now();
      // time reports the child's status; a JVM killed by a signal has none of its own.
      int exitCode = exited ? process.exitValue() : -1;
      String report = Files.readString(logDir.resolve(label + ".time"));
      return ProcessUsage.fromTimeReport(label, started, ended, exitCode, report);
    }

    /**
     * Stops the JVM. Time does not pass signals on, so its child is stopped, and time then writes
     * its report and exits.
     */
    public void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }
}

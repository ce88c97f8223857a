package io.github.bddreplay.sparksubmit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process whose output (stdout and stderr together) goes to a file, so that a failing test
 * can show its end. Closing it ends the process and everything it started (a Worker's executors).
 */
final class LoggedProcess implements AutoCloseable {
  /** How long the processes get to stop by themselves (Spark's shutdown hooks) before a kill. */
  private static final Duration GRACE = Duration.ofSeconds(15);
  /** How much of a log a failure shows: enough for a stack trace and what led to it. */
  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;

  private LoggedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static LoggedProcess start(
      String name, List<String> command, Map<String, String> environment, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      return new LoggedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + command, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; fails with the log's end when the process runs longer than {@code atMost}. */
  int waitFor(Duration atMost) throws InterruptedException {
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(
          name + " did not finish within " + atMost + "; killed it.\n" + tail());
    }
    return process.exitValue();
  }

  /** The last lines of the output, headed by the process name and the log file. */
  String tail() {
    return tail(name, log);
  }

  static String tail(String name, Path file) {
    List<String> lines;
    try {
      // Decoded leniently: a stray byte in a log must not hide the rest of it.
      lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return "--- " + name + ": " + file + " unreadable: " + e + "\n";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return "--- " + name + " (" + file + ", last " + last.size() + " of " + lines.size()
        + " lines):\n" + String.join("\n", last) + "\n";
  }

  /** Kills the process and its descendants at once (SIGKILL: no shutdown hook runs), as a crash would. */
  void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    if (!allExited(tree, GRACE)) {
      throw new IllegalStateException(name + ": processes still running after being killed");
    }
  }

  /** Ends the process and its descendants, politely and then by force, and waits until they end. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    if (!allExited(tree, GRACE)) {
      tree.forEach(ProcessHandle::destroyForcibly);
      if (!allExited(tree, GRACE)) {
        throw new IllegalStateException(
            name + ": processes still running after being killed: "
                + tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
      }
    }
  }

  private static boolean allExited(List<ProcessHandle> processes, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    for (ProcessHandle handle : processes) {
      try {
        handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        throw new IllegalStateException("waiting for process " + handle.pid() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}

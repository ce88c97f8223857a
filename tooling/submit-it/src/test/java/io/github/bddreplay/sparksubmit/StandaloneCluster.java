package io.github.bddreplay.sparksubmit;

import io.github.bddreplay.fixtures.restart.LoggedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1: one Master and one Worker with two cores, as {@code
 * sbin/start-master.sh} and {@code sbin/start-worker.sh} would start them, on free ports. Closing
 * it stops the Worker (and its executors) and the Master, whatever happened before.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofSeconds(90);

  /** Spark's daemons get 1g by default (SPARK_DAEMON_MEMORY); one small application needs less. */
  private static final String DAEMON_HEAP = "256m";

  private static final Pattern ONE_ALIVE_WORKER = Pattern.compile("\"aliveworkers\"\\s*:\\s*1\\b");

  private final Path logs;
  private final int masterPort;
  private final int masterWebUiPort;
  private LoggedProcess master;
  private LoggedProcess worker;

  private StandaloneCluster(Path logs, int masterPort, int masterWebUiPort) {
    this.logs = logs;
    this.masterPort = masterPort;
    this.masterWebUiPort = masterWebUiPort;
  }

  /** Starts the Master and the Worker; returns once the Worker has registered with the Master. */
  static StandaloneCluster start(SparkHome spark, Path logs) throws InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(logs, freePort(), freePort());
    try {
      cluster.master =
          LoggedProcess.start(
              "Master",
              spark.javaCommand(
                  DAEMON_HEAP,
                  "org.apache.spark.deploy.master.Master",
                  List.of(
                      "--host", HOST,
                      "--port", Integer.toString(cluster.masterPort),
                      "--webui-port", Integer.toString(cluster.masterWebUiPort))),
              spark.environment(),
              logs.resolve("master.log"));
      cluster.worker =
          LoggedProcess.start(
              "Worker",
              spark.javaCommand(
                  DAEMON_HEAP,
                  "org.apache.spark.deploy.worker.Worker",
                  List.of(
                      "--host",
                      HOST,
                      "--webui-port",
                      Integer.toString(freePort()),
                      "--cores",
                      "2",
                      // Room for the one executor of 1g that the tests ask for.
                      "--memory",
                      "1g",
                      // Executors run in (and log to) <work-dir>/<app id>/<executor id>/.
                      "--work-dir",
                      cluster.workDir().toString(),
                      cluster.masterUrl())),
              spark.environment(),
              logs.resolve("worker.log"));
      cluster.awaitWorkerRegistered();
      return cluster;
    } catch (RuntimeException | Error | InterruptedException e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  /** The ends of the Master's, the Worker's and every executor's logs. */
  String logTails() {
    StringBuilder tails = new StringBuilder();
    tails.append(LoggedProcess.tail("Master", logs.resolve("master.log")));
    tails.append(LoggedProcess.tail("Worker", logs.resolve("worker.log")));
    for (Path executorLog : executorLogs()) {
      tails.append(LoggedProcess.tail("executor", executorLog));
    }
    return tails.toString();
  }

  @Override
  public void close() {
    try {
      if (worker != null) {
        worker.close();
      }
    } finally {
      if (master != null) {
        master.close();
      }
    }
  }

  private Path workDir() {
    return logs.resolve("work");
  }

  private List<Path> executorLogs() {
    if (!Files.isDirectory(workDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(workDir())) {
      return files.filter(f -> f.getFileName().toString().equals("stderr")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls the Master's web UI (its JSON view) until it lists one alive Worker. */
  private void awaitWorkerRegistered() throws InterruptedException {
    URI status = URI.create("http://" + HOST + ":" + masterWebUiPort + "/json/");
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "(no answer)";
    while (System.nanoTime() < deadline) {
      if (!master.isAlive() || !worker.isAlive()) {
        throw new AssertionError("the Master or the Worker exited while starting.\n" + logTails());
      }
      try (InputStream in = status.toURL().openStream()) {
        last = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (ONE_ALIVE_WORKER.matcher(last).find()) {
          return;
        }
      } catch (IOException notYetListening) {
        last = notYetListening.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "no Worker registered with the Master within "
            + STARTUP
            + "; "
            + status
            + " says "
            + last
            + "\n"
            + logTails());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}

package io.github.bddreplay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How busy the machine was around one benchmark run, so that runs disturbed by other work can be
 * told apart: the load average before it, the highest 1-minute load during it, and the cores kept
 * busy by processes other than the ones measured (all busy CPU time of the machine, from {@code
 * /proc/stat}, minus the measured JVMs' and the harness's own CPU time). The load average counts
 * the measured JVMs too; the foreign cores do not.
 */
public final class LoadMonitor {
  private static final Path LOADAVG = Paths.get("/proc/loadavg");
  private static final Path STAT = Paths.get("/proc/stat");

  /** Kernel clock ticks per second in /proc/stat (USER_HZ), 100 on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private final double[] loadBefore;
  private final long busyTicksBefore;
  private final long startNanos;
  private final Duration harnessCpuBefore;
  private final ScheduledExecutorService sampler;
  private volatile double load1Max;

  private LoadMonitor() {
    this.loadBefore = loadAverage();
    this.busyTicksBefore = busyTicks();
    this.startNanos = System.nanoTime();
    this.harnessCpuBefore = harnessCpu();
    this.load1Max = loadBefore[0];
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "load-monitor");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleAtFixedRate(
        () -> load1Max = Math.max(load1Max, loadAverage()[0]), 1, 1, TimeUnit.SECONDS);
  }

  public static LoadMonitor start() {
    return new LoadMonitor();
  }

  /**
   * Ends the observation.
   *
   * @param measuredCpuSeconds CPU seconds of the JVMs the run measured, which are not foreign load
   */
  public Map<String, Object> stop(double measuredCpuSeconds) {
    sampler.shutdownNow();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double busyCores = (busyTicks() - busyTicksBefore) / TICKS_PER_SECOND / seconds;
    double harnessSeconds = harnessCpu().minus(harnessCpuBefore).toNanos() / 1e9;
    double foreignCores = busyCores - (measuredCpuSeconds + harnessSeconds) / seconds;
    return Map.of(
        "load_average_before", new double[] {loadBefore[0], loadBefore[1], loadBefore[2]},
        "load1_max", Math.max(load1Max, loadAverage()[0]),
        "busy_cores", round(busyCores),
        "foreign_busy_cores", round(Math.max(0, foreignCores)),
        "seconds", round(seconds));
  }

  /** The 1, 5 and 15-minute load averages now. */
  public static double[] loadAverage() {
    String[] fields = read(LOADAVG).trim().split("\\s+");
    return new double[] {
      Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])
    };
  }

  /** Busy clock ticks of all CPUs since boot: everything but idle and I/O wait. */
  private static long busyTicks() {
    String cpu = read(STAT).lines().filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
    String[] fields = cpu.trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < fields.length && i <= 8; i++) {
      if (i != 4 && i != 5) { // idle, iowait
        busy += Long.parseLong(fields[i]);
      }
    }
    return busy;
  }

  private static Duration harnessCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (the harness needs Linux /proc)", e);
    }
  }
}

package io.github.bddreplay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine and the code a result came from, as recorded in every result file. */
public final class Machine {
  private Machine() {}

  public static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", firstValue(Paths.get("/proc/cpuinfo"), "model name"));
    String memKib = firstValue(Paths.get("/proc/meminfo"), "MemTotal").replace("kB", "").trim();
    machine.put("memory_gib", Math.round(Long.parseLong(memKib) / 1024.0 / 1024.0 * 10) / 10.0);
    machine.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    machine.put("load_average_at_start", LoadMonitor.loadAverage());
    return machine;
  }

  /** The commit checked out in {@code home}, and whether tracked files differ from it. */
  public static Map<String, Object> commit(Path home) {
    Map<String, Object> commit = new LinkedHashMap<>();
    String head = git(home, "rev-parse", "HEAD");
    String changes = git(home, "status", "--porcelain", "--untracked-files=no");
    commit.put("commit", head == null ? "unknown" : head.trim());
    commit.put("dirty", changes == null ? "unknown" : !changes.isBlank());
    return commit;
  }

  /** The output of a git command, or null when git is missing or fails. */
  private static String git(Path home, String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = home.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return output;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

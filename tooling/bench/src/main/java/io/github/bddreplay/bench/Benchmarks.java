package io.github.bddreplay.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.bddreplay.replayer.cli.ProjectHome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The benchmarks of issue 5: runs scenarios, each case of each in fresh JVMs, repeated; prints a
 * table and writes one JSON file per scenario run under {@code results/bench/}. Started by {@code
 * tooling/bench/run}, which builds the project and passes the classpath.
 */
@Command(
    name = "tooling/bench/run",
    mixinStandardHelpOptions = true,
    version = "bdd-replay bench 0.1.0",
    usageHelpWidth = 110,
    description = {
      "Runs the benchmarks of issue 5 in fresh JVMs under /usr/bin/time -v, prints a table and writes",
      "results/bench/<scenario>-<time>.json (machine, load, commit, median/p90/max of each figure).",
      "With no scenario named, runs them all."
    })
public final class Benchmarks implements Callable<Integer> {
  static final List<Scenario> SCENARIOS =
      List.of(
          new LatencyScenario(),
          new StartupScenario(),
          new BackfillScenario(),
          new StreamingScaleScenario(),
          new CoresScenario(),
          new ReplayerScenario(),
          new SoakScenario());

  @Parameters(
      paramLabel = "SCENARIO",
      arity = "0..*",
      description = "Scenarios to run (see below).")
  List<String> scenarioNames = new ArrayList<>();

  @Option(
      names = {"-n", "--repeat"},
      paramLabel = "N",
      defaultValue = "3",
      description = "Runs per case (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--bdd",
      paramLabel = "DIR",
      description = "The real data set (default: ../shared/bdd beside the repository).")
  Path bddDir;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where result files go (default: results/bench).")
  Path outDir;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where generated data sets are kept (default: data/bench).")
  Path dataDir;

  @Option(
      names = "--runners",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "spark,direct",
      description = "latency, startup: runners (default: ${DEFAULT-VALUE}).")
  List<String> runners;

  @Option(
      names = "--speedups",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "1,4",
      description = "latency: replay speedups (default: ${DEFAULT-VALUE}).")
  List<Double> speedups;

  @Option(
      names = "--cars",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "1000,10000",
      description = "backfill: synthetic set sizes in cars (default: ${DEFAULT-VALUE}).")
  List<Integer> backfillCars;

  @Option(
      names = "--scale-cars",
      paramLabel = "N",
      defaultValue = "1000",
      description = "scale, cores: cars (default: ${DEFAULT-VALUE}).")
  int scaleCars;

  @Option(
      names = "--scale-speedup",
      paramLabel = "F",
      defaultValue = "10",
      description = "scale: speedup (default: ${DEFAULT-VALUE}).")
  double scaleSpeedup;

  @Option(
      names = "--scale-runner",
      paramLabel = "RUNNER",
      defaultValue = "spark",
      description = "scale: runner (default: ${DEFAULT-VALUE}).")
  String scaleRunner;

  @Option(
      names = "--replayer-cars",
      paramLabel = "N",
      defaultValue = "10000",
      description = "replayer: cars (default: ${DEFAULT-VALUE}).")
  int replayerCars;

  @Option(
      names = "--soak-cars",
      paramLabel = "N",
      defaultValue = "10000",
      description = "soak: cars (default: ${DEFAULT-VALUE}).")
  int soakCars;

  @Option(
      names = "--soak-loops",
      paramLabel = "N",
      defaultValue = "15",
      description = "soak: times the set is replayed, 2 minutes each (default: ${DEFAULT-VALUE}).")
  int soakLoops;

  @Option(
      names = "--soak-speedup",
      paramLabel = "F",
      defaultValue = "1",
      description = "soak: speedup (default: ${DEFAULT-VALUE}).")
  double soakSpeedup;

  @Option(
      names = "--head-start",
      paramLabel = "S",
      defaultValue = "20",
      description =
          "latency, scale, soak: seconds the pipelines run before the replay begins, so that start-up"
              + " stays out of per-slice latencies (default: ${DEFAULT-VALUE}).")
  double headStartSeconds;

  @Option(
      names = "--keep",
      description = "Keep each run's input and output folders (default: only logs).")
  boolean keep;

  @Option(
      names = "--jfr",
      description =
          "Record a JFR profile of each replayer and pipelines JVM into the run's logs"
              + " (costs them some CPU; the result file says so).")
  boolean jfr;

  @Spec CommandSpec spec;

  private final PrintStream console = System.out;

  public static void main(String[] args) {
    // The children run under /usr/bin/time, which does not pass signals on: stop them on Ctrl-C.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
    CommandLine commandLine = new CommandLine(new Benchmarks());
    commandLine.getCommandSpec().usageMessage().footer(footer());
    System.exit(commandLine.execute(args));
  }

  private static String[] footer() {
    List<String> lines = new ArrayList<>(List.of("", "Scenarios:"));
    for (Scenario scenario : SCENARIOS) {
      String indent = String.format(Locale.ROOT, "  %-9s ", scenario.name());
      StringBuilder line = new StringBuilder(indent);
      for (String word : scenario.description().split(" ")) {
        if (line.length() + word.length() > 100) {
          lines.add(line.toString().stripTrailing());
          line = new StringBuilder(" ".repeat(indent.length()));
        }
        line.append(word).append(' ');
      }
      lines.add(line.toString().stripTrailing());
    }
    lines.add("");
    lines.add("Example: tooling/bench/run latency --repeat 1 --runners spark --speedups 4");
    return lines.toArray(new String[0]);
  }

  @Override
  public Integer call() throws Exception {
    List<Scenario> chosen = chosen();
    Path home = ProjectHome.path();
    Path bdd =
        bddDir != null ? bddDir : home.resolve("..").resolve("shared").resolve("bdd").normalize();
    Path out = outDir != null ? outDir : home.resolve("results").resolve("bench");
    Path data = dataDir != null ? dataDir : home.resolve("data").resolve("bench");
    if (repeat < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--repeat must be at least 1");
    }
    boolean needsRealData =
        chosen.stream().anyMatch(s -> s instanceof LatencyScenario || s instanceof StartupScenario);
    if (needsRealData && !Files.isDirectory(bdd)) {
      console.println("error: the real data set is not at " + bdd + " (give --bdd DIR)");
      return 2;
    }
    Launches launches = Launches.create(jfr);
    BenchContext.Options options =
        new BenchContext.Options(
            runners.stream().map(Runner::parse).toList(),
            speedups,
            backfillCars,
            scaleCars,
            scaleSpeedup,
            Runner.parse(scaleRunner),
            replayerCars,
            Duration.ofMillis((long) (headStartSeconds * 1000)),
            new BenchContext.Soak(soakCars, soakLoops, soakSpeedup));
    int failures = 0;
    for (Scenario scenario : chosen) {
      failures +=
          runScenario(
              scenario, home, bdd, out, new DataSets(data, launches, console), launches, options);
    }
    return failures == 0 ? 0 : 1;
  }

  private List<Scenario> chosen() {
    if (scenarioNames.isEmpty()) {
      return SCENARIOS;
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String name : scenarioNames) {
      Scenario scenario =
          SCENARIOS.stream()
              .filter(s -> s.name().equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          new CommandLine(this),
                          "unknown scenario '"
                              + name
                              + "': choose from "
                              + String.join(
                                  ", ", SCENARIOS.stream().map(Scenario::name).toList())));
      chosen.add(scenario);
    }
    return chosen;
  }

  /** Runs every case of a scenario, writes its result file; returns the number of failed runs. */
  private int runScenario(
      Scenario scenario,
      Path home,
      Path bdd,
      Path out,
      DataSets dataSets,
      Launches launches,
      BenchContext.Options options)
      throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path workRoot = out.resolve("work").resolve(scenario.name() + "-" + stamp);
    BenchContext context =
        new BenchContext(
            home, bdd, workRoot.resolve("prepared"), launches, dataSets, options, console);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("scenario", scenario.name());
    result.put("description", scenario.description());
    result.put("started", Instant.now().toString());
    result.put("arguments", spec.commandLine().getParseResult().originalArgs());
    result.put("repeat", repeat);
    result.put("machine", Machine.describe());
    result.put("code", Machine.commit(home));
    result.put(
        "jvm_flags",
        Map.of("pipelines", launches.pipelinesJvmFlags(), "replayer", launches.replayerJvmFlags()));
    result.put("flight_recordings", jfr);
    result.put("logs", workRoot.toString());
    console.printf("%n== %s: %s%n", scenario.name(), scenario.description());

    List<CaseSummary> summaries = new ArrayList<>();
    int failures = 0;
    try {
      for (BenchCase benchCase : scenario.cases(context)) {
        CaseSummary summary = new CaseSummary(benchCase);
        for (int i = 1; i <= repeat; i++) {
          Path workDir = workRoot.resolve(slug(benchCase.label())).resolve("rep-" + i);
          console.printf("[%s] %s: run %d/%d ... ", scenario.name(), benchCase.label(), i, repeat);
          LoadMonitor monitor = LoadMonitor.start();
          RunResult run;
          try {
            run = benchCase.repetition().run(workDir);
          } catch (Exception e) {
            run = new RunResult().problem("the harness failed: " + e);
          }
          Map<String, Object> load = monitor.stop(run.measuredCpuSeconds());
          summary.add(run, load);
          console.println(
              run.problems().isEmpty() ? "ok" : "PROBLEM: " + String.join("; ", run.problems()));
          if (!run.problems().isEmpty()) {
            failures++;
          }
          if (!keep) {
            deleteAllButLogs(workDir);
          }
        }
        summaries.add(summary);
      }
    } catch (Exception e) {
      console.println("error: " + scenario.name() + " could not prepare its cases: " + e);
      result.put("error", e.toString());
      failures++;
    } finally {
      if (!keep) {
        DataSets.deleteRecursively(workRoot.resolve("prepared").resolve("replayed-real"));
      }
    }
    result.put("finished", Instant.now().toString());
    result.put("cases", summaries.stream().map(CaseSummary::toJson).toList());
    Files.createDirectories(out);
    Path file = out.resolve(scenario.name() + "-" + stamp + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
    for (CaseSummary summary : summaries) {
      ResultTable.print(scenario.name(), summary, console);
    }
    console.printf("%nwritten to %s (logs of each run under %s)%n", file, workRoot);
    return failures;
  }

  /** Input and output folders of a run can be large: keep only its logs. */
  private static void deleteAllButLogs(Path workDir) throws IOException {
    if (!Files.isDirectory(workDir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(workDir)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals("logs")) {
          DataSets.deleteRecursively(entry);
        }
      }
    }
  }

  private static String slug(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", "");
  }
}

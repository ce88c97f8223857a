package io.github.bddreplay.bench;

import io.github.bddreplay.contract.StreamLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5, scenario 2: start-up. The real data set is replayed at top speed beforehand, so input is
 * waiting when the pipelines' JVM starts; then per runner: JVM start until the source has read its
 * first input file (the pipeline is running), and until the first output file is on disk.
 */
public final class StartupScenario extends Scenario {
  public static final String JVM_TO_RUNNING = "jvm_to_running_s";
  public static final String JVM_TO_FIRST_OUTPUT = "jvm_to_first_output_s";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  public StartupScenario() {
    super(
        "startup",
        "real data waiting in input/, per runner: JVM start -> pipeline running (first "
            + "input file read), JVM start -> first output file");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    Path results = context.prepared().resolve("replayed-real");
    ProcessUsage replay =
        context
            .launches()
            .replay(context.prepared(), context.bddDir(), results, Double.POSITIVE_INFINITY)
            .await(TIMEOUT);
    if (!replay.succeeded()) {
      throw new IllegalStateException(
          "replaying " + context.bddDir() + " failed; see " + Launches.logs(context.prepared()));
    }
    Path input = results.resolve(StreamLayout.INPUT);
    List<BenchCase> cases = new ArrayList<>();
    for (Runner runner : context.options().runners()) {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("data", context.bddDir().toString());
      settings.put("runner", runner.beamName());
      settings.put("pipelines", "simple,windowed,stream-joined");
      settings.put("input", "replayed completely before the JVM starts");
      cases.add(
          new BenchCase(
              runner.label(),
              settings,
              workDir -> measure(context, workDir, input, runner),
              List.of(
                  Target.atMost(
                      JVM_TO_FIRST_OUTPUT,
                      Target.Stat.MEDIAN,
                      8,
                      "first output <= 8 s after JVM start"))));
    }
    return cases;
  }

  private static RunResult measure(BenchContext context, Path workDir, Path input, Runner runner)
      throws Exception {
    RunResult run = new RunResult();
    ChildJvm.Running pipelines =
        context.launches().pipelines(workDir, input, "simple,windowed,stream-joined", runner);
    ProcessUsage usage = pipelines.await(TIMEOUT);
    run.usage("pipelines", usage);
    if (!usage.succeeded()) {
      return run;
    }
    SourceReadLog reads = SourceReadLog.read(pipelines.stderr(), usage.started());
    reads
        .earliest()
        .ifPresentOrElse(
            read -> run.sample(JVM_TO_RUNNING, "s", Seconds.between(usage.started(), read)),
            () -> run.problem("no input file read was logged"));
    List<OutputFile> outputs = OutputFile.under(Launches.output(workDir));
    if (outputs.isEmpty()) {
      run.problem("no output file was written");
    } else {
      run.sample(
          JVM_TO_FIRST_OUTPUT, "s", Seconds.between(usage.started(), outputs.get(0).appeared()));
    }
    run.detail("output_files", outputs.size());
    return run;
  }
}

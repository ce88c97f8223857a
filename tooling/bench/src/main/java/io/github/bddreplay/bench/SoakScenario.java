package io.github.bddreplay.bench;

import io.github.bddreplay.contract.ParquetFiles;
import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.io.LocalInputFile;

/**
 * Issue 13, soak: a long replay ({@code --loop}) of a synthetic set at a steady rate with the three
 * pipelines on Spark, the pipelines' JVM sampled every 10 s. Does anything keep growing: resident
 * memory, open file descriptors, the source's lag behind the replay clock? A leak that a two-minute
 * run hides (state no one removes, files no one closes) shows here as a slope.
 */
public final class SoakScenario extends Scenario {
  /** At each sample, how long the oldest publication that was due had waited to be read. */
  public static final String READ_LAG = "read_lag_s";

  public static final String READ_LAG_GROWTH = "read_lag_growth_s_per_s";
  public static final String RSS_GROWTH = "rss_growth_mib_per_min";
  public static final String OPEN_FILES_GROWTH = "open_files_growth_per_min";

  static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

  public SoakScenario() {
    super(
        "soak",
        "synthetic set (--soak-cars) replayed --soak-loops times at --soak-speedup, three"
            + " pipelines on Spark; RSS, open files and read lag sampled every 10 s: flat?");
  }

  @Override
  public List<BenchCase> cases(BenchContext context) throws Exception {
    BenchContext.Soak soak = context.options().soak();
    Path synthetic = context.dataSets().synthetic(soak.cars());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("data", synthetic.getFileName().toString());
    settings.put("cars", soak.cars());
    settings.put("loops", soak.loops());
    settings.put("speedup", soak.speedup());
    settings.put("runner", Runner.SPARK.beamName());
    settings.put("pipelines", "simple,windowed,stream-joined");
    settings.put("sample_every_s", Seconds.of(SAMPLE_EVERY));
    return List.of(
        new BenchCase(
            soak.cars()
                + " cars x "
                + soak.loops()
                + " loops, speedup "
                + Launches.speedupArg(soak.speedup()),
            settings,
            workDir -> measure(context, workDir, synthetic, soak),
            targets()));
  }

  private static List<Target> targets() {
    return List.of(
        Target.atMost(READ_LAG, Target.Stat.MAX, 5, "read lag <= 5 s at every sample"),
        Target.atMost(
            READ_LAG_GROWTH,
            Target.Stat.MAX,
            0.05,
            "read lag grows < 3 s per minute (harness criterion)"),
        Target.atMost(
            RSS_GROWTH, Target.Stat.MAX, 5, "RSS flat: second half grows <= 5 MiB per minute"),
        Target.atMost(
            OPEN_FILES_GROWTH,
            Target.Stat.MAX,
            1,
            "open files flat: second half grows <= 1 per minute"));
  }

  private static RunResult measure(
      BenchContext context, Path workDir, Path source, BenchContext.Soak soak) throws Exception {
    RunResult run = new RunResult();
    Optional<LiveReplay.Finished> finished;
    List<ProcessSampler.Sample> samples;
    try (ProcessSampler sampler = new ProcessSampler(SAMPLE_EVERY)) {
      finished =
          LiveReplay.runJvms(
              context,
              workDir,
              source,
              soak.speedup(),
              soak.loops(),
              Runner.SPARK,
              run,
              sampler::watch);
      samples = sampler.samples();
    }
    if (finished.isEmpty() || !finished.get().replayed()) {
      run.problem("the replay did not finish: nothing to analyse");
      return run;
    }
    return analyse(finished.get(), samples, workDir, run);
  }

  private static RunResult analyse(
      LiveReplay.Finished finished,
      List<ProcessSampler.Sample> samples,
      Path workDir,
      RunResult run)
      throws IOException {
    if (!finished.pipelinesUsage().succeeded()) {
      run.problem("the pipelines failed (exit " + finished.pipelinesUsage().exitCode() + ")");
    }
    List<PublishedFile> published = PublishedFile.readLog(finished.replayLog());
    reportRowsOfSimple(published, Launches.output(workDir).resolve(StreamLayout.SIMPLE), run);
    SourceReadLog reads =
        SourceReadLog.read(finished.pipelines().stderr(), finished.pipelines().started());
    record(samples, published, reads, run);
    return run;
  }

  private static void record(
      List<ProcessSampler.Sample> samples,
      List<PublishedFile> published,
      SourceReadLog reads,
      RunResult run) {
    Instant replayStart = published.get(0).due();
    Instant replayEnd = published.get(published.size() - 1).due();
    List<Map<String, Object>> curve = new ArrayList<>();
    List<Double> minutes = new ArrayList<>();
    List<Double> lags = new ArrayList<>();
    List<Double> rssMib = new ArrayList<>();
    List<Double> openFiles = new ArrayList<>();
    for (ProcessSampler.Sample sample : samples) {
      double lag = readLagSeconds(sample.at(), published, reads);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("t_s", Seconds.between(replayStart, sample.at()));
      point.put("rss_mib", sample.rssKib() / 1024);
      point.put("open_files", sample.openFiles());
      point.put(READ_LAG, lag);
      curve.add(point);
      // The replay's span only: before it the JVM starts, after it the pipelines drain and stop.
      if (!sample.at().isBefore(replayStart) && !sample.at().isAfter(replayEnd)) {
        minutes.add(Seconds.between(replayStart, sample.at()) / 60);
        lags.add(lag);
        rssMib.add(sample.rssKib() / 1024.0);
        openFiles.add((double) sample.openFiles());
      }
    }
    run.detail("samples", curve);
    if (minutes.size() < 4) {
      run.problem("only " + minutes.size() + " samples during the replay: too short to judge");
      return;
    }
    run.samples(READ_LAG, "s", lags);
    run.sample(READ_LAG_GROWTH, "s/s", LeastSquares.slope(minutes, lags) / 60);
    int half = minutes.size() / 2;
    List<Double> laterMinutes = minutes.subList(half, minutes.size());
    run.sample(
        RSS_GROWTH,
        "MiB/min",
        LeastSquares.slope(laterMinutes, rssMib.subList(half, minutes.size())));
    run.sample(
        OPEN_FILES_GROWTH,
        "1/min",
        LeastSquares.slope(laterMinutes, openFiles.subList(half, minutes.size())));
  }

  /**
   * A long run must not lose or double rows either: {@code simple} holds every replayed row once,
   * counted from the files' footers (reading 87 million rows back would take longer than the run).
   */
  private static void reportRowsOfSimple(List<PublishedFile> published, Path simple, RunResult run)
      throws IOException {
    long replayed = published.stream().mapToLong(PublishedFile::rows).sum();
    long written = 0;
    for (OutputFile file : OutputFile.under(simple)) {
      written += ParquetFiles.rowCount(new LocalInputFile(file.path()));
    }
    run.detail("rows_replayed", replayed);
    run.detail("rows_in_simple", written);
    if (written != replayed) {
      run.problem("output/simple holds " + written + " rows, the replay published " + replayed);
    }
  }

  /**
   * How far behind the replay clock the source was at {@code at}: the wait so far of the oldest
   * publication due by then and not yet read, or 0 when every due publication had been read.
   */
  static double readLagSeconds(Instant at, List<PublishedFile> published, SourceReadLog reads) {
    Instant oldestUnread = null;
    for (PublishedFile publication : published) {
      boolean due = !publication.due().isAfter(at);
      boolean unread = reads.firstRead(publication.file()).map(at::isBefore).orElse(true);
      if (due && unread && (oldestUnread == null || publication.due().isBefore(oldestUnread))) {
        oldestUnread = publication.due();
      }
    }
    return oldestUnread == null ? 0 : Seconds.between(oldestUnread, at);
  }
}

package io.github.bddreplay.replayer.storage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bddreplay.contract.BadInputException;
import io.github.bddreplay.contract.StreamLayout;
import io.github.bddreplay.fixtures.hdfs.LocalHdfs;
import io.github.bddreplay.fixtures.realdata.RealData;
import io.github.bddreplay.replayer.replay.DisorderPlan;
import io.github.bddreplay.replayer.replay.ReplayClock;
import io.github.bddreplay.replayer.replay.ReplayConfig;
import io.github.bddreplay.replayer.replay.ReplaySummary;
import io.github.bddreplay.replayer.replay.Replayer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replayer on a real HDFS: the real data set replayed from and into {@code hdfs://} gives the
 * Parquet files a local replay gives, byte for byte; damage and unsafe folders there get the
 * messages they get locally.
 */
class HdfsReplayTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir static Path hdfsDir;
  private static LocalHdfs hdfs;

  @TempDir Path work;

  @BeforeAll
  static void startHdfs() throws Exception {
    hdfs = LocalHdfs.start(hdfsDir);
    hdfs.copyIn(RealData.dir(), "/bdd");
  }

  @AfterAll
  static void stopHdfs() {
    hdfs.close();
  }

  private static ReplaySummary replay(Location source, Location results) throws Exception {
    ReplayConfig config =
        new ReplayConfig(
            source,
            results,
            Double.POSITIVE_INFINITY,
            START,
            1,
            new DisorderPlan(3, 0.2, 2.0),
            CompressionCodecName.SNAPPY,
            2,
            true,
            false);
    return new Replayer(
            config, ReplayClock.SYSTEM, new PrintStream(OutputStream.nullOutputStream()))
        .run();
  }

  @Test
  void aReplayFromHdfsIntoHdfsWritesTheFilesALocalReplayWrites() throws Exception {
    Path local = work.resolve("local");
    ReplaySummary onHdfs =
        replay(Location.parse(hdfs.url("/bdd")), Location.parse(hdfs.url("/runs/a")));
    ReplaySummary locally = replay(Location.local(RealData.dir()), Location.local(local));

    assertThat(onHdfs.warnings(), is(empty()));
    assertThat(onHdfs.filesPublished(), is(RealData.FILES));
    assertThat(onHdfs.rowsByTopic(), is(locally.rowsByTopic()));
    Map<String, byte[]> published = withoutRunIds(hdfsFiles("/runs/a/input"));
    Map<String, byte[]> expected = withoutRunIds(localFiles(local.resolve("input")));
    assertThat(published.keySet(), is(expected.keySet()));
    for (String name : expected.keySet()) {
      if (name.endsWith(".parquet")) {
        assertArrayEquals(expected.get(name), published.get(name), name);
      }
    }
    assertThat(published.keySet(), hasItem(StreamLayout.END_OF_STREAM_MARKER));
    assertThat("nothing left in staging", hdfsFiles("/runs/a/staging").keySet(), is(empty()));
    List<String> log = hdfsLines("/runs/a/" + StreamLayout.REPLAY_LOG);
    assertThat(log, hasSize(Files.readAllLines(local.resolve(StreamLayout.REPLAY_LOG)).size()));
    assertThat(log, everyItem(containsString("\"" + hdfs.url("/runs/a/input/"))));
  }

  @Test
  void aReplayResumedOnHdfsSkipsWhatIsThereAndEndsTheStream() throws Exception {
    Location results = Location.parse(hdfs.url("/runs/resumed"));
    replay(Location.parse(hdfs.url("/bdd")), results);
    FileSystem fs = hdfs.fileSystem();
    fs.delete(hdfsPath("/runs/resumed/input/" + StreamLayout.END_OF_STREAM_MARKER), false);
    long deletedFiles = hdfsFiles("/runs/resumed/input/locations/t=052.5").size();
    fs.delete(hdfsPath("/runs/resumed/input/locations/t=052.5"), true);
    Map<String, byte[]> before = hdfsFiles("/runs/resumed/input");

    ReplayConfig resumed =
        new ReplayConfig(
            Location.parse(hdfs.url("/bdd")),
            results,
            Double.POSITIVE_INFINITY,
            null,
            1,
            new DisorderPlan(3, 0.2, 2.0),
            CompressionCodecName.SNAPPY,
            2,
            true,
            true);
    ReplaySummary summary =
        new Replayer(resumed, ReplayClock.SYSTEM, new PrintStream(OutputStream.nullOutputStream()))
            .run();

    assertThat(summary.warnings(), is(empty()));
    Map<String, byte[]> after = hdfsFiles("/runs/resumed/input");
    assertThat(
        after.keySet().stream().filter(name -> name.startsWith("locations/t=052.5/")).count(),
        is(deletedFiles));
    assertThat(after.keySet(), hasItem(StreamLayout.END_OF_STREAM_MARKER));
    for (Map.Entry<String, byte[]> kept : before.entrySet()) {
      assertArrayEquals(kept.getValue(), after.get(kept.getKey()), kept.getKey());
    }
  }

  @Test
  void aDamagedFileOnHdfsIsNamedAndSkippedAndTheRestReplayed() throws Exception {
    hdfs.copyIn(RealData.dir().resolve("locations"), "/damaged/locations");
    String damaged = "/damaged/locations/t=000.0/zz-damaged.parquet";
    try (OutputStream out = hdfs.fileSystem().create(hdfsPath(damaged))) {
      out.write("not parquet".getBytes(StandardCharsets.US_ASCII));
    }

    ReplaySummary summary =
        replay(Location.parse(hdfs.url("/damaged")), Location.parse(hdfs.url("/runs/damaged")));

    assertThat(summary.warnings(), hasSize(1));
    assertThat(
        summary.warnings().get(0),
        startsWith(hdfs.url(damaged) + ": not a readable Parquet file ("));
    assertThat(summary.rowsByTopic(), is(Map.of("locations", RealData.LOCATION_ROWS)));
  }

  @Test
  void resultsInsideTheSourceOnHdfsAreRefusedAndNothingIsWritten() throws Exception {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                replay(
                    Location.parse(hdfs.url("/bdd")),
                    Location.parse(hdfs.url("/bdd/locations/results"))));

    assertThat(e.getMessage(), containsString("refusing to write results into the source folder"));
    assertThat(e.getMessage(), containsString(hdfs.url("/bdd")));
    assertThat(hdfs.fileSystem().exists(hdfsPath("/bdd/locations/results")), is(false));
  }

  @Test
  void aUriOfAnUnknownFileSystemIsOneClearMessage() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> Location.parse("nosuchfs://host/bdd"));

    assertThat(e.getMessage(), startsWith("cannot use nosuchfs://host/bdd: no Hadoop file system"));
  }

  private static org.apache.hadoop.fs.Path hdfsPath(String path) {
    return new org.apache.hadoop.fs.Path(hdfs.url(path));
  }

  /** Every file below {@code folder} by its relative name, with its bytes. */
  private static Map<String, byte[]> hdfsFiles(String folder) throws Exception {
    FileSystem fs = hdfs.fileSystem();
    Map<String, byte[]> files = new TreeMap<>();
    String prefix = hdfsPath(folder).toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(hdfsPath(folder), true);
    while (listing.hasNext()) {
      org.apache.hadoop.fs.Path file = listing.next().getPath();
      try (InputStream in = fs.open(file)) {
        files.put(file.toUri().getPath().substring(prefix.length()), in.readAllBytes());
      }
    }
    return files;
  }

  /** The files by name without the run id, which differs between runs: p000-<run id>.parquet. */
  private static Map<String, byte[]> withoutRunIds(Map<String, byte[]> files) {
    Map<String, byte[]> renamed = new TreeMap<>();
    files.forEach(
        (name, bytes) -> renamed.put(name.replaceAll("-\\d+\\.parquet$", ".parquet"), bytes));
    return renamed;
  }

  private static List<String> hdfsLines(String file) throws Exception {
    try (InputStream in = hdfs.fileSystem().open(hdfsPath(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static Map<String, byte[]> localFiles(Path folder) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).forEach(paths::add);
    }
    for (Path file : paths) {
      files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
    }
    return files;
  }
}

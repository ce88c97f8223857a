package io.github.bddreplay.pipelines.source;

import static io.github.bddreplay.pipelines.source.SensorInputFolder.START;
import static io.github.bddreplay.pipelines.source.SensorInputFolder.acceleration;
import static io.github.bddreplay.pipelines.source.SensorInputFolder.location;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.github.bddreplay.contract.Topic;
import io.github.bddreplay.fixtures.realdata.ParquetRows;
import io.github.bddreplay.pipelines.source.SensorInputFolder.StagedFile;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The continuous reader on its own: order, chunks, checkpoints, bad input, lateness, end of stream.
 */
class SensorFilesReaderTest {
  private static final Duration WAIT = Duration.standardSeconds(20);

  @TempDir Path root;
  private SensorInputFolder folder;
  private MetricsContainerImpl metrics;
  private Closeable metricsScope;

  @BeforeEach
  void setUp() {
    folder = new SensorInputFolder(root);
    metrics = new MetricsContainerImpl("source");
    metricsScope = MetricsEnvironment.scopedMetricsContainer(metrics);
  }

  @AfterEach
  void tearDown() throws IOException {
    metricsScope.close();
  }

  private long counter(String name) {
    return metrics
        .getCounter(MetricName.named(SensorSourceMetrics.NAMESPACE, name))
        .getCumulative();
  }

  private RepeatableBatchesReader reader(
      SensorSourceConfig config, SensorFilesCheckpointMark mark) {
    return new SensorFilesSource(config).createReader(PipelineOptionsFactory.create(), mark);
  }

  /** A row's event time: its timestamp column, epoch microseconds, floored to milliseconds. */
  private static Instant eventTime(GenericRecord row) {
    return new Instant(Math.floorDiv((Long) row.get("timestamp"), 1000L));
  }

  /** A row as a comparable string: topic tag, event time, the record. */
  private static String describe(Topic topic, GenericRecord row) {
    return topic.ordinal()
        + "@"
        + eventTime(row).getMillis()
        + " "
        + SensorInputFolder.canonical(topic, row);
  }

  private static List<String> describeAll(List<StagedFile> files) {
    return files.stream()
        .flatMap(f -> f.rows().stream().map(row -> describe(f.topic(), row)))
        .toList();
  }

  /**
   * Drives a reader as a runner does: {@code start} once, then {@code advance}, asking for the
   * watermark after every element, until {@code limit} elements or the end of the stream. Every
   * element goes through the source's coder and is checked: up to the configured number of rows,
   * timestamped with the earliest of them. Records each element's size and timestamp, and the
   * checkpoint mark after it.
   */
  private static final class Driver {
    private final RepeatableBatchesReader reader;
    private final List<Integer> chunkSizes = new ArrayList<>();
    private final List<Instant> chunkTimestamps = new ArrayList<>();
    private final List<SensorFilesCheckpointMark> marks = new ArrayList<>();
    private boolean started;

    Driver(RepeatableBatchesReader reader) {
      this.reader = reader;
    }

    /** The rows of the next {@code limit} elements, or of all up to the end of the stream. */
    List<String> read(int limit) throws IOException {
      List<String> rows = new ArrayList<>();
      Instant deadline = Instant.now().plus(WAIT);
      int elements = 0;
      while (elements < limit) {
        boolean available = started ? reader.advance() : reader.start();
        started = true;
        if (available) {
          rows.addAll(currentRows());
          elements++;
          marks.add(reader.getCheckpointMark());
        } else if (reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
          break;
        } else if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the stream did not end within " + WAIT);
        }
        reader.getWatermark();
      }
      return rows;
    }

    List<String> readToEnd() throws IOException {
      return read(Integer.MAX_VALUE);
    }

    private List<String> currentRows() throws IOException {
      RawUnionValue chunk =
          CoderUtils.clone(SensorFilesSource.outputCoderOf(), reader.getCurrent());
      Topic topic = Topic.values()[chunk.getUnionTag()];
      @SuppressWarnings("unchecked")
      List<GenericRecord> rows = (List<GenericRecord>) chunk.getValue();
      assertThat(rows.size(), greaterThan(0));
      int maxRows = reader.getCurrentSource().config().maxRowsPerElement();
      assertThat(rows.size(), lessThanOrEqualTo(maxRows));
      Instant earliest =
          rows.stream().map(SensorFilesReaderTest::eventTime).min(Instant::compareTo).get();
      assertThat(reader.getCurrentTimestamp(), equalTo(earliest));
      chunkSizes.add(rows.size());
      chunkTimestamps.add(reader.getCurrentTimestamp());
      return rows.stream().map(row -> describe(topic, row)).toList();
    }

    List<Integer> chunkSizes() {
      return chunkSizes;
    }

    List<Instant> chunkTimestamps() {
      return chunkTimestamps;
    }

    /** The checkpoint mark taken after each element. */
    List<SensorFilesCheckpointMark> marks() {
      return marks;
    }
  }

  private List<StagedFile> publishSmallInput() {
    List<StagedFile> files = new ArrayList<>();
    files.add(
        folder.publish(
            "locations/t=000.0/car-b.parquet",
            Topic.LOCATIONS,
            List.of(location("car-b", START.plus(100), 10.5))));
    files.add(
        folder.publish(
            "locations/t=000.0/car-a.parquet",
            Topic.LOCATIONS,
            List.of(
                location("car-a", START.plus(200), 3.0), location("car-a", START.plus(1200), -1))));
    files.add(
        folder.publish(
            "accelerations/t=000.0/car-a.parquet",
            Topic.ACCELERATIONS,
            List.of(
                acceleration("car-a", START.plus(0), 0.1),
                acceleration("car-a", START.plus(20), 0.2),
                acceleration("car-a", START.plus(40), 0.3))));
    files.add(
        folder.publish(
            "accelerations/t=003.5/car-a.parquet",
            Topic.ACCELERATIONS,
            List.of(
                acceleration("car-a", START.plus(3500), 1.1),
                acceleration("car-a", START.plus(3520), 1.2))));
    files.add(
        folder.publish(
            "locations/t=003.5/car-a.parquet",
            Topic.LOCATIONS,
            List.of(location("car-a", START.plus(3600), 4.0))));
    files.add(
        folder.publish("accelerations/t=010.0/car-c.parquet", Topic.ACCELERATIONS, List.of()));
    files.add(
        folder.publish(
            "accelerations/t=010.0/car-d.parquet",
            Topic.ACCELERATIONS,
            List.of(acceleration("car-d", START.plus(10_000), 2.0))));
    return files;
  }

  /** Ten rows of one car, 20 ms apart but not in time order. */
  private static List<GenericRecord> tenAccelerations(String uuid, Instant start) {
    int[] order = {3, 0, 1, 2, 7, 4, 5, 9, 6, 8};
    List<GenericRecord> rows = new ArrayList<>();
    for (int i : order) {
      rows.add(acceleration(uuid, start.plus(20L * i), i / 10.0));
    }
    return rows;
  }

  /** The small input in publication order: slice time, then topic, then name. */
  private static List<StagedFile> inPublicationOrder(List<StagedFile> files) {
    return files.stream()
        .sorted(
            (a, b) -> {
              String[] x = a.relativePath().split("/");
              String[] y = b.relativePath().split("/");
              int bySlice = x[1].compareTo(y[1]);
              int byTopic = x[0].compareTo(y[0]);
              return bySlice != 0 ? bySlice : byTopic != 0 ? byTopic : x[2].compareTo(y[2]);
            })
        .toList();
  }

  @Test
  void readsEveryRowOnceInPublicationOrderAndEndsAfterTheMarker() throws IOException {
    List<StagedFile> files = publishSmallInput();
    folder.complete();
    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      List<String> rows = new Driver(reader).readToEnd();

      assertThat(rows, equalTo(describeAll(inPublicationOrder(files))));
      assertThat(reader.advance(), is(false));
      assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    assertThat(counter(SensorSourceMetrics.ROWS_READ), equalTo(10L));
    assertThat(counter(SensorSourceMetrics.FILES_READ), equalTo(7L));
    assertThat(counter(SensorSourceMetrics.END_OF_STREAM), equalTo(1L));
    assertThat(counter(SensorSourceMetrics.BAD_FILES), equalTo(0L));
  }

  @Test
  void splitReadersReadDisjointSharesOfTheFilesThatTogetherHoldEveryRowOnce() throws IOException {
    List<StagedFile> files = publishSmallInput();
    folder.complete();
    SensorFilesSource source = new SensorFilesSource(folder.config().withMaxSplits(3));

    List<? extends SensorFilesSource> splits = source.split(3, PipelineOptionsFactory.create());

    assertThat(splits.size(), is(3));
    List<String> all = new ArrayList<>();
    for (SensorFilesSource split : splits) {
      try (RepeatableBatchesReader reader =
          split.createReader(PipelineOptionsFactory.create(), null)) {
        List<String> rows = new Driver(reader).readToEnd();
        List<StagedFile> share =
            files.stream().filter(f -> split.share().owns(f.relativePath())).toList();
        assertThat("files of " + split.share(), share.isEmpty(), is(false));
        assertThat(rows, equalTo(describeAll(inPublicationOrder(share))));
        assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
        all.addAll(rows);
      }
    }
    assertThat(
        all.stream().sorted().toList(), equalTo(describeAll(files).stream().sorted().toList()));
    assertThat(counter(SensorSourceMetrics.END_OF_STREAM), equalTo(3L));
  }

  @Test
  void theSourceSplitsOnlyAsFarAsConfigured() {
    SensorFilesSource source = new SensorFilesSource(folder.config());

    assertThat(source.split(4, PipelineOptionsFactory.create()), equalTo(List.of(source)));
    assertThat(
        new SensorFilesSource(folder.config().withMaxSplits(2))
            .split(4, PipelineOptionsFactory.create())
            .size(),
        is(2));
  }

  @Test
  void filesPublishedWhileReadingAreReadAndTheMarkerEndsTheStream() throws IOException {
    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      Driver driver = new Driver(reader);
      assertThat(reader.start(), is(false));
      StagedFile first =
          folder.publish(
              "locations/t=000.0/car-a.parquet",
              Topic.LOCATIONS,
              List.of(location("car-a", START, 1.0)));
      assertThat(driver.read(1), equalTo(describeAll(List.of(first))));

      StagedFile second =
          folder.publish(
              "accelerations/t=004.5/car-a.parquet",
              Topic.ACCELERATIONS,
              List.of(acceleration("car-a", START.plus(4500), 1.0)));
      assertThat(driver.read(1), equalTo(describeAll(List.of(second))));
      assertThat(
          reader.getWatermark(), equalTo(START.plus(4500).minus(Duration.standardSeconds(5))));

      folder.complete();
      assertThat(driver.readToEnd(), empty());
      assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
  }

  @ParameterizedTest(name = "{0} rows per element")
  @ValueSource(ints = {1, 3, 1000})
  void aReaderRestoredFromAnyCheckpointContinuesWithoutLossOrDuplication(int rowsPerElement)
      throws IOException {
    List<StagedFile> files = new ArrayList<>(publishSmallInput());
    files.add(
        folder.publish(
            "accelerations/t=003.5/car-b.parquet",
            Topic.ACCELERATIONS,
            tenAccelerations("car-b", START.plus(3500))));
    folder.complete();
    SensorSourceConfig config = folder.config().withMaxRowsPerElement(rowsPerElement);
    List<String> all;
    List<SensorFilesCheckpointMark> marks;
    try (RepeatableBatchesReader reader = reader(config, null)) {
      Driver driver = new Driver(reader);
      all = driver.readToEnd();
      marks = driver.marks();
    }
    assertThat(all, equalTo(describeAll(inPublicationOrder(files))));

    // Marks fall on chunk boundaries: inside a file after every full chunk, and between files
    // after a file's last one (its end is met while filling it). So with a chunk as large as any
    // file, only between files.
    List<String> expectedInFile = new ArrayList<>();
    for (StagedFile file : inPublicationOrder(files)) {
      for (int read = rowsPerElement; read <= file.rows().size(); read += rowsPerElement) {
        expectedInFile.add(file.relativePath() + "#" + read);
      }
    }
    List<String> inFile =
        marks.stream()
            .filter(mark -> mark.fileInProgress() != null)
            .map(mark -> mark.fileInProgress() + "#" + mark.position().records())
            .toList();
    assertThat(inFile, equalTo(expectedInFile));

    // Every cut: between files, between chunks of a file, after the last element.
    for (int cut = 1; cut <= marks.size(); cut++) {
      SensorFilesCheckpointMark mark;
      List<String> rows = new ArrayList<>();
      try (RepeatableBatchesReader first = reader(config, null)) {
        rows.addAll(new Driver(first).read(cut));
        mark = first.getCheckpointMark();
      }
      assertThat(mark.fileInProgress(), equalTo(marks.get(cut - 1).fileInProgress()));
      assertThat(mark.position(), equalTo(marks.get(cut - 1).position()));
      SensorFilesCheckpointMark decoded =
          CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), mark);
      assertThat(decoded, equalTo(mark));
      try (RepeatableBatchesReader restored = reader(config, decoded)) {
        rows.addAll(new Driver(restored).readToEnd());
      }
      assertThat("cut after element " + cut, rows, equalTo(all));
    }
  }

  /**
   * As Beam's Spark runner reads: each micro-batch begins by decoding the mark the previous one
   * ended at, then reads through the same cached reader. A recomputed batch decodes an older mark;
   * the reader must deliver that batch's rows again, end at that batch's mark, and then go on where
   * it was. Batches here end inside files (2 rows per element, 2 elements per batch) and between
   * them; the first batch is recomputed too (it begins with no mark). Each recomputation is tried
   * on the cached reader and on a new one made from the mark, as the runner makes when its cache
   * missed; a batch read again comes as one element.
   */
  @Test
  void aMicroBatchReadAgainFromTheMarkItBeganAtDeliversItsRowsAgainAndNothingElse()
      throws IOException {
    publishSmallInput();
    folder.publish(
        "accelerations/t=003.5/car-b.parquet",
        Topic.ACCELERATIONS,
        tenAccelerations("car-b", START.plus(3500)));
    folder.complete();
    SensorSourceConfig config = folder.config().withMaxRowsPerElement(2);
    List<String> all;
    try (RepeatableBatchesReader once = reader(config, null)) {
      all = new Driver(once).readToEnd();
    }
    SensorFilesSource source = new SensorFilesSource(config, true);
    try (RepeatableBatchesReader reader =
        source.createReader(PipelineOptionsFactory.create(), null)) {
      List<List<String>> batches = new ArrayList<>();
      List<SensorFilesCheckpointMark> ends = new ArrayList<>();
      List<String> delivered = new ArrayList<>();
      SensorFilesCheckpointMark previous = null;
      boolean started = false;
      while (!reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        if (previous != null) {
          CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), previous);
        }
        List<String> batch = readBatch(reader, !started, 2);
        started = true;
        previous = reader.getCheckpointMark();
        batches.add(batch);
        ends.add(previous);
        delivered.addAll(batch);

        // Recompute this batch and every earlier one, then go on with the next.
        for (int again = 0; again < batches.size(); again++) {
          SensorFilesCheckpointMark start =
              again == 0
                  ? null
                  : CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), ends.get(again - 1));
          assertThat(
              "batch " + (again + 1) + " again",
              readBatch(reader, false, 2),
              equalTo(batches.get(again)));
          assertThat(reader.getCheckpointMark(), equalTo(ends.get(again)));
          if (start != null) {
            CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), start);
          }
          try (RepeatableBatchesReader created =
              source.createReader(PipelineOptionsFactory.create(), start)) {
            assertThat(
                "batch " + (again + 1) + " again, new reader",
                readBatch(created, true, 2),
                equalTo(batches.get(again)));
            assertThat(created.getCheckpointMark(), equalTo(ends.get(again)));
          }
        }
      }
      assertThat(delivered, equalTo(all));
      assertThat(batches.size(), greaterThan(3));
    }
  }

  /** One micro-batch of at most {@code elements} elements, as the Spark runner reads one. */
  private static List<String> readBatch(RepeatableBatchesReader reader, boolean first, int elements)
      throws IOException {
    List<String> rows = new ArrayList<>();
    int read = 0;
    boolean available = first ? reader.start() : reader.advance();
    while (available) {
      RawUnionValue element = reader.getCurrent();
      @SuppressWarnings("unchecked")
      List<RawUnionValue> chunks =
          element.getUnionTag() == SensorFilesSource.REPEATED_BATCH_TAG
              ? (List<RawUnionValue>) element.getValue()
              : List.of(element);
      for (RawUnionValue chunk : chunks) {
        Topic topic = Topic.values()[chunk.getUnionTag()];
        @SuppressWarnings("unchecked")
        List<GenericRecord> chunkRows = (List<GenericRecord>) chunk.getValue();
        chunkRows.forEach(row -> rows.add(describe(topic, row)));
      }
      if (++read == elements) {
        break;
      }
      available = reader.advance();
    }
    reader.getWatermark();
    return rows;
  }

  @Test
  void rowsOfAFileTravelInChunksTimestampedWithTheirEarliestRow() throws IOException {
    List<GenericRecord> rows = tenAccelerations("car-a", START);
    StagedFile file =
        folder.publish("accelerations/t=000.0/car-a.parquet", Topic.ACCELERATIONS, rows);
    folder.complete();
    try (RepeatableBatchesReader reader = reader(folder.config().withMaxRowsPerElement(4), null)) {
      Driver driver = new Driver(reader);
      assertThat(driver.readToEnd(), equalTo(describeAll(List.of(file))));
      assertThat(driver.chunkSizes(), equalTo(List.of(4, 4, 2)));
      // Rows 3 0 1 2 | 7 4 5 9 | 6 8, 20 ms apart.
      assertThat(
          driver.chunkTimestamps(), equalTo(List.of(START, START.plus(80), START.plus(120))));
    }
    assertThat(counter(SensorSourceMetrics.ROWS_READ), equalTo(10L));
    assertThat(counter(SensorSourceMetrics.FILES_READ), equalTo(1L));
  }

  @Test
  void withTheDefaultChunkSizeAFileIsOneElement() throws IOException {
    List<StagedFile> files = publishSmallInput();
    folder.complete();
    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      Driver driver = new Driver(reader);
      driver.readToEnd();
      // The empty file gives no element.
      assertThat(
          driver.chunkSizes(),
          equalTo(
              inPublicationOrder(files).stream()
                  .map(f -> f.rows().size())
                  .filter(size -> size > 0)
                  .toList()));
    }
  }

  @Test
  void aReaderRestoredAfterEveryElementStillReadsEachRowOnce() throws IOException {
    List<StagedFile> files = publishSmallInput();
    SensorSourceConfig config = folder.config().withMaxRowsPerElement(2);
    List<String> rows = new ArrayList<>();
    SensorFilesCheckpointMark mark = null;
    boolean markerWritten = false;
    for (int restores = 0; restores < 100; restores++) {
      try (RepeatableBatchesReader reader = reader(config, mark)) {
        if (rows.size() >= 6 && !markerWritten) {
          folder.complete();
          markerWritten = true;
        }
        List<String> read = new Driver(reader).read(1);
        rows.addAll(read);
        mark =
            CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), reader.getCheckpointMark());
        if (read.isEmpty()) {
          break;
        }
      }
    }
    assertThat(mark.endOfStream(), is(true));
    assertThat(rows, equalTo(describeAll(inPublicationOrder(files))));
    // A reader restored after the end stays at the end.
    try (RepeatableBatchesReader ended = reader(config, mark)) {
      assertThat(ended.start(), is(false));
      assertThat(ended.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    assertThat(counter(SensorSourceMetrics.END_OF_STREAM), equalTo(1L));
  }

  @Test
  void theCheckpointMarkCoderRoundTripsAndStaysCompact() throws IOException {
    TreeSet<String> finished = new TreeSet<>();
    for (int slice = 0; slice < 34; slice++) {
      for (int car = 0; car < 24; car++) {
        String name = String.format("%032x.parquet", (long) car * 7919 + slice * 104729L);
        finished.add(String.format("accelerations/t=%03d.%d/%s", slice * 3, slice % 10, name));
        finished.add(String.format("locations/t=%03d.%d/%s", slice * 3, slice % 10, name));
      }
    }
    finished.add("locations/t=001.0/\uD83D\uDE97-car.parquet");
    finished.add("locations/t=001.0/\uD83D\uDE98-car.parquet");
    SensorFilesCheckpointMark mark =
        new SensorFilesCheckpointMark(
            "lineage-1",
            42,
            finished,
            "locations/t=102.0/abc.parquet",
            new FilePosition(57, 1, 2),
            START.plus(1234),
            START.minus(3766),
            Instant.now(),
            Instant.now().plus(5),
            false);

    byte[] encoded = CoderUtils.encodeToByteArray(SensorFilesCheckpointMark.MarkCoder.of(), mark);
    SensorFilesCheckpointMark decoded =
        CoderUtils.decodeFromByteArray(SensorFilesCheckpointMark.MarkCoder.of(), encoded);

    assertThat(decoded, equalTo(mark));
    int plain = finished.stream().mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
    assertThat(encoded.length, lessThan(plain * 2 / 3));
  }

  @Test
  void namesStartingWithUnderscoreOrDotAreNotData() throws IOException {
    StagedFile data =
        folder.publish(
            "locations/t=000.0/car-a.parquet",
            Topic.LOCATIONS,
            List.of(location("car-a", START, 1)));
    List<GenericRecord> hidden = List.of(location("hidden", START, 99));
    folder.publish("locations/t=000.0/_car-b.parquet", Topic.LOCATIONS, hidden);
    folder.publish("locations/t=000.0/.car-c.parquet", Topic.LOCATIONS, hidden);
    folder.publish("locations/_t=000.0/car-d.parquet", Topic.LOCATIONS, hidden);
    folder.publish("locations/.t=000.0/car-e.parquet", Topic.LOCATIONS, hidden);
    folder.publish("_locations/t=000.0/car-f.parquet", Topic.LOCATIONS, hidden);
    folder.publish(".locations/t=000.0/car-g.parquet", Topic.LOCATIONS, hidden);
    folder.publishBytes("locations/t=000.0/.car-a.parquet.crc", new byte[] {1, 2, 3});
    folder.complete();

    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      assertThat(new Driver(reader).readToEnd(), equalTo(describeAll(List.of(data))));
    }
    assertThat(counter(SensorSourceMetrics.BAD_FILES), equalTo(0L));
    assertThat(Files.exists(folder.errors()), is(false));
  }

  @Test
  void badFilesAreDeadLetteredAndTheRestIsRead() throws IOException {
    List<StagedFile> good = new ArrayList<>();
    good.add(
        folder.publish(
            "locations/t=000.0/car-a.parquet",
            Topic.LOCATIONS,
            List.of(location("car-a", START, 1))));
    folder.publishBytes(
        "locations/t=000.0/not-parquet.parquet",
        "uuid,timestamp\n".getBytes(StandardCharsets.UTF_8));

    StagedFile whole =
        folder.stage(
            "accelerations/t=000.0/truncated.parquet",
            Topic.ACCELERATIONS,
            List.of(acceleration("car-t", START, 1), acceleration("car-t", START.plus(20), 2)));
    byte[] bytes = Files.readAllBytes(whole.staged());
    folder.publishBytes(whole.relativePath(), Arrays.copyOf(bytes, bytes.length / 2));

    // Parquet magic at both ends, a footer length that points at garbage.
    byte[] corrupt = new byte[64];
    Arrays.fill(corrupt, (byte) 0x5a);
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, corrupt, 0, 4);
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, corrupt, 60, 4);
    corrupt[56] = 40;
    corrupt[57] = corrupt[58] = corrupt[59] = 0;
    folder.publishBytes("accelerations/t=000.0/corrupt.parquet", corrupt);

    Schema withoutSpeed =
        SchemaBuilder.record("schema")
            .fields()
            .optionalString("uuid")
            .optionalLong("timestamp")
            .optionalDouble("latitude")
            .endRecord();
    GenericRecord noSpeed = new GenericData.Record(withoutSpeed);
    noSpeed.put("uuid", "car-s");
    noSpeed.put("timestamp", SensorInputFolder.micros(START));
    folder.publish(
        folder.stage(
            "locations/t=003.0/no-speed.parquet", Topic.LOCATIONS, withoutSpeed, List.of(noSpeed)));

    Schema stringTimestamp =
        SchemaBuilder.record("schema")
            .fields()
            .optionalString("uuid")
            .optionalString("timestamp")
            .endRecord();
    GenericRecord textTime = new GenericData.Record(stringTimestamp);
    textTime.put("uuid", "car-x");
    textTime.put("timestamp", "2025-01-01");
    folder.publish(
        folder.stage(
            "accelerations/t=003.0/text-timestamp.parquet",
            Topic.ACCELERATIONS,
            stringTimestamp,
            List.of(textTime)));

    folder.publish(
        "gps/t=003.0/car-a.parquet", Topic.LOCATIONS, List.of(location("car-a", START, 1)));
    folder.publish(
        "locations/latest/car-a.parquet", Topic.LOCATIONS, List.of(location("car-a", START, 1)));
    good.add(
        folder.publish(
            "accelerations/t=006.0/car-a.parquet",
            Topic.ACCELERATIONS,
            List.of(acceleration("car-a", START.plus(6000), 1))));
    folder.complete();

    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      assertThat(new Driver(reader).readToEnd(), equalTo(describeAll(good)));
    }

    assertThat(counter(SensorSourceMetrics.BAD_FILES), equalTo(7L));
    List<String> entries = deadLetterEntries();
    assertThat(
        entries.stream().map(e -> e.split("\n")[0]).toList(),
        containsInAnyOrder(
            "path: " + folder.input().resolve("locations/t=000.0/not-parquet.parquet"),
            "path: " + folder.input().resolve("accelerations/t=000.0/truncated.parquet"),
            "path: " + folder.input().resolve("accelerations/t=000.0/corrupt.parquet"),
            "path: " + folder.input().resolve("locations/t=003.0/no-speed.parquet"),
            "path: " + folder.input().resolve("accelerations/t=003.0/text-timestamp.parquet"),
            "path: " + folder.input().resolve("gps/t=003.0/car-a.parquet"),
            "path: " + folder.input().resolve("locations/latest/car-a.parquet")));
    String noSpeedEntry =
        Files.readString(folder.errors().resolve("locations/t=003.0/no-speed.parquet.txt"));
    assertThat(noSpeedEntry, containsString("reason: locations file: missing column 'speed'"));
    String textEntry =
        Files.readString(
            folder.errors().resolve("accelerations/t=003.0/text-timestamp.parquet.txt"));
    assertThat(textEntry, containsString("column 'timestamp' is string, expected long"));
    assertThat(
        Files.readString(folder.errors().resolve("gps/t=003.0/car-a.parquet.txt")),
        containsString("'gps' is not a known topic"));
    assertThat(
        Files.readString(folder.errors().resolve("locations/t=000.0/not-parquet.parquet.txt")),
        containsString("not a readable Parquet file"));
  }

  private List<String> deadLetterEntries() throws IOException {
    try (Stream<Path> walk = Files.walk(folder.errors())) {
      List<String> entries = new ArrayList<>();
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        entries.add(Files.readString(p));
      }
      return entries;
    }
  }

  @Test
  void aLinkToAFileOutsideTheInputFolderIsDeadLetteredNotRead() throws IOException {
    StagedFile good =
        folder.publish(
            "locations/t=000.0/car-a.parquet",
            Topic.LOCATIONS,
            List.of(location("car-a", START, 1)));
    StagedFile outside =
        folder.stage(
            "locations/t=000.0/secret.parquet",
            Topic.LOCATIONS,
            List.of(location("car-s", START, 2)));
    Path link = folder.input().resolve("locations/t=000.0/car-s.parquet");
    Files.createSymbolicLink(link, outside.staged());
    Path linkedSlice = folder.input().resolve("locations/t=003.0");
    Files.createSymbolicLink(linkedSlice, outside.staged().getParent());
    folder.complete();

    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      assertThat(new Driver(reader).readToEnd(), equalTo(describeAll(List.of(good))));
    }

    assertThat(counter(SensorSourceMetrics.BAD_FILES), equalTo(2L));
    assertThat(
        Files.readString(folder.errors().resolve("locations/t=000.0/car-s.parquet.txt")),
        containsString(
            "a symbolic link to " + outside.staged().toRealPath() + ", outside the input folder"));
    assertThat(
        Files.readString(folder.errors().resolve("locations/t=003.0/secret.parquet.txt")),
        containsString("outside the input folder: not read"));
  }

  @Test
  void rowsWithoutTimestampAreCountedAndSkipped() throws IOException {
    GenericRecord noTime = location("car-a", START, 1);
    noTime.put("timestamp", null);
    GenericRecord timed = location("car-a", START.plus(500), 2);
    StagedFile file =
        folder.publish("locations/t=000.0/car-a.parquet", Topic.LOCATIONS, List.of(noTime, timed));
    folder.complete();

    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      assertThat(
          new Driver(reader).readToEnd(), equalTo(List.of(describe(Topic.LOCATIONS, timed))));
    }
    assertThat(counter(SensorSourceMetrics.ROWS_WITHOUT_EVENT_TIME), equalTo(1L));
    assertThat(counter(SensorSourceMetrics.ROWS_READ), equalTo(1L));
    assertThat(file.rows().size(), equalTo(2));
  }

  @Test
  void rowsWithoutUuidAreDeliveredCountedAndListedInARowLevelDeadLetter() throws IOException {
    GenericRecord first = location("car-a", START, 1);
    GenericRecord anonymous = location(null, START.plus(100), 2);
    GenericRecord anonymousWithoutTime = location(null, START.plus(200), 3);
    anonymousWithoutTime.put("timestamp", null);
    GenericRecord lastAnonymous = location(null, START.plus(300), 4);
    folder.publish(
        "locations/t=000.0/mixed.parquet",
        Topic.LOCATIONS,
        List.of(first, anonymous, anonymousWithoutTime, lastAnonymous));
    folder.complete();
    // Restored after every row, so the rows listed must include those read before each restore.
    SensorSourceConfig config = folder.config().withMaxRowsPerElement(1);
    List<String> rows = new ArrayList<>();
    SensorFilesCheckpointMark mark = null;
    for (int restores = 0; restores < 10; restores++) {
      try (RepeatableBatchesReader reader = reader(config, mark)) {
        List<String> read = new Driver(reader).read(1);
        rows.addAll(read);
        mark =
            CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), reader.getCheckpointMark());
        if (read.isEmpty()) {
          break;
        }
      }
    }

    assertThat(
        rows,
        equalTo(
            List.of(
                describe(Topic.LOCATIONS, first),
                describe(Topic.LOCATIONS, anonymous),
                describe(Topic.LOCATIONS, lastAnonymous))));
    assertThat(counter(SensorSourceMetrics.ROWS_WITHOUT_UUID), equalTo(2L));
    assertThat(counter(SensorSourceMetrics.BAD_FILES), equalTo(0L));
    String entry =
        Files.readString(folder.errors().resolve("locations/t=000.0/mixed.parquet.rows.txt"));
    assertThat(entry, containsString("input/locations/t=000.0/mixed.parquet\n"));
    assertThat(
        entry,
        containsString(
            "reason: 2 rows without uuid: kept in simple, left out of windowed and stream-joined\n"));
    assertThat(entry, containsString("records: 2, 4\n"));
    assertThat(
        Files.exists(folder.errors().resolve("locations/t=000.0/mixed.parquet.txt")), is(false));
  }

  @Test
  void rowsTooLateForTheReportedWatermarkAreCountedAndWrittenToTheLateOutputOnly()
      throws IOException {
    Instant now = START.plus(Duration.standardSeconds(100));
    StagedFile recent =
        folder.publish(
            "locations/t=100.0/car-a.parquet", Topic.LOCATIONS, List.of(location("car-a", now, 1)));
    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      Driver driver = new Driver(reader);
      assertThat(driver.read(1), equalTo(describeAll(List.of(recent))));
      // The watermark is now 95 s: windows ending at 60 s or before (+ 30 s of lateness) are
      // closed.
      assertThat(reader.getWatermark(), equalTo(now.minus(Duration.standardSeconds(5))));

      GenericRecord tooLate = acceleration("car-b", START.plus(Duration.standardSeconds(10)), 1);
      GenericRecord inAnOpenWindow = acceleration("car-b", START.plus(Duration.millis(60_000)), 2);
      GenericRecord endOfAClosedWindow =
          acceleration("car-b", START.plus(Duration.millis(59_999)), 3);
      folder.publish(
          "accelerations/t=101.0/car-b.parquet",
          Topic.ACCELERATIONS,
          List.of(tooLate, inAnOpenWindow, endOfAClosedWindow));
      folder.complete();
      // One chunk, of the one row in time, timestamped with it rather than with the earlier
      // rows left out.
      assertThat(
          driver.readToEnd(), equalTo(List.of(describe(Topic.ACCELERATIONS, inAnOpenWindow))));
      assertThat(driver.chunkSizes(), equalTo(List.of(1, 1)));
      assertThat(driver.chunkTimestamps().get(1), equalTo(START.plus(Duration.millis(60_000))));
      // In the late output, by the window each missed: [0 s, 15 s) and [45 s, 60 s).
      Path late = Path.of(folder.config().lateDir()).resolve("accelerations");
      List<String> files;
      try (Stream<Path> list = Files.list(late)) {
        files = list.map(file -> file.getFileName().toString()).sorted().toList();
      }
      assertThat(files.size(), equalTo(2));
      assertThat(files.get(0), startsWith("window-20250101T000000Z-20250101T000015Z-"));
      assertThat(files.get(1), startsWith("window-20250101T000045Z-20250101T000100Z-"));
      List<String> lateRows = new ArrayList<>();
      for (String file : files) {
        for (GenericRecord row : ParquetRows.read(late.resolve(file))) {
          lateRows.add(describe(Topic.ACCELERATIONS, row));
        }
      }
      assertThat(
          lateRows,
          equalTo(
              List.of(
                  describe(Topic.ACCELERATIONS, tooLate),
                  describe(Topic.ACCELERATIONS, endOfAClosedWindow))));
    }
    assertThat(counter(SensorSourceMetrics.TOO_LATE_ROWS), equalTo(2L));
    assertThat(counter(SensorSourceMetrics.ROWS_READ), equalTo(2L));
  }

  @Test
  void rowsAreJudgedLateOneByOneAgainstTheWatermarkReportedBeforeTheirChunk() throws IOException {
    GenericRecord newest = location("car-a", START.plus(Duration.standardSeconds(100)), 1);
    GenericRecord old = location("car-a", START.plus(Duration.standardSeconds(10)), 2);
    GenericRecord endOfAClosedWindow = location("car-a", START.plus(Duration.millis(59_999)), 3);
    GenericRecord inAnOpenWindow = location("car-a", START.plus(Duration.millis(60_000)), 4);
    folder.publish(
        "locations/t=100.0/car-a.parquet",
        Topic.LOCATIONS,
        List.of(newest, old, endOfAClosedWindow, inAnOpenWindow));
    folder.complete();
    try (RepeatableBatchesReader reader = reader(folder.config().withMaxRowsPerElement(2), null)) {
      // The first chunk moves the watermark to 95 s only once reported: its row at 10 s is kept.
      assertThat(reader.start(), is(true));
      assertThat(reader.getCurrentTimestamp(), equalTo(START.plus(Duration.standardSeconds(10))));
      assertThat(((List<?>) reader.getCurrent().getValue()).size(), equalTo(2));
      assertThat(reader.getWatermark(), equalTo(START.plus(Duration.standardSeconds(95))));

      // Against 95 s, the window [45 s, 60 s) is closed, [60 s, 75 s) is not.
      assertThat(reader.advance(), is(true));
      assertThat(
          reader.getCurrent().getValue(),
          equalTo(List.of(SensorInputFolder.canonical(Topic.LOCATIONS, inAnOpenWindow))));
      assertThat(reader.getCurrentTimestamp(), equalTo(START.plus(Duration.millis(60_000))));
      assertThat(reader.advance(), is(false));
    }
    assertThat(counter(SensorSourceMetrics.TOO_LATE_ROWS), equalTo(1L));
    assertThat(counter(SensorSourceMetrics.ROWS_READ), equalTo(3L));
  }

  @Test
  void afterTheLastFileTheWatermarkWaitsAtTheEndOfTheLastWindowBeforeTheEndOfTime()
      throws Exception {
    Duration hold = Duration.millis(600);
    SensorSourceConfig config = folder.config().withEndOfStreamHold(hold);
    folder.publish(
        "locations/t=010.0/car-a.parquet",
        Topic.LOCATIONS,
        List.of(location("car-a", START.plus(10_000), 1)));
    folder.complete();
    Instant lastWindowEnd = WindowingSpec.DEFAULT.windowEnd(START.plus(10_000));
    try (RepeatableBatchesReader reader = reader(config, null)) {
      assertThat(reader.start(), is(true));
      assertThat(reader.advance(), is(false));
      assertThat(reader.getWatermark(), equalTo(lastWindowEnd));

      // A reader restored during the hold keeps its start: the hold is not extended.
      SensorFilesCheckpointMark mark =
          CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), reader.getCheckpointMark());
      assertThat(mark.drainedAt(), is(notNullValue()));
      try (RepeatableBatchesReader restored = reader(config, mark)) {
        assertThat(restored.start(), is(false));
        assertThat(restored.getWatermark(), equalTo(lastWindowEnd));
        Thread.sleep(hold.getMillis());
        assertThat(restored.advance(), is(false));
        assertThat(restored.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
        assertThat(restored.getCheckpointMark().endOfStream(), is(true));
      }
    }
  }

  @Test
  void theWatermarkFollowsTheDataNeverGoesBackAndEndsAtInfinity() throws IOException {
    // A row per element, to see the watermark after each row.
    SensorSourceConfig config =
        folder.config().withWatermarkDelay(Duration.standardSeconds(2)).withMaxRowsPerElement(1);
    folder.publish(
        "locations/t=010.0/car-a.parquet",
        Topic.LOCATIONS,
        List.of(
            location("car-a", START.plus(10_000), 1),
            location("car-a", START.plus(11_000), 1),
            location("car-a", START.plus(10_500), 1)));
    try (RepeatableBatchesReader reader = reader(config, null)) {
      assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MIN_VALUE));
      assertThat(reader.start(), is(true));
      assertThat(reader.getWatermark(), equalTo(START.plus(8_000)));
      assertThat(reader.advance(), is(true));
      assertThat(reader.getWatermark(), equalTo(START.plus(9_000)));
      assertThat(reader.advance(), is(true));
      assertThat(reader.getWatermark(), equalTo(START.plus(9_000)));
      assertThat(reader.advance(), is(false));

      // A restored reader keeps the watermark it had reported, even when restarted with a
      // longer delay.
      SensorFilesCheckpointMark mark =
          CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), reader.getCheckpointMark());
      SensorSourceConfig longerDelay = config.withWatermarkDelay(Duration.standardSeconds(4));
      try (RepeatableBatchesReader restored = reader(longerDelay, mark)) {
        assertThat(restored.getWatermark(), equalTo(START.plus(9_000)));
        folder.publish(
            "accelerations/t=010.0/car-a.parquet",
            Topic.ACCELERATIONS,
            List.of(acceleration("car-a", START.plus(9_000), 1)));
        folder.complete();
        Driver driver = new Driver(restored);
        assertThat(driver.readToEnd().size(), equalTo(1));
        assertThat(restored.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
        assertThat(restored.advance(), is(false));
        assertThat(restored.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
      }
    }
  }

  @Test
  void noNewFileForTheIdleTimeoutEndsTheStream() throws IOException {
    SensorSourceConfig config = folder.config().withIdleTimeout(Duration.millis(600));
    StagedFile file =
        folder.publish(
            "locations/t=000.0/car-a.parquet",
            Topic.LOCATIONS,
            List.of(location("car-a", START, 1)));
    Instant started = Instant.now();
    try (RepeatableBatchesReader reader = reader(config, null)) {
      assertThat(new Driver(reader).readToEnd(), equalTo(describeAll(List.of(file))));
      assertThat(reader.getWatermark(), equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE));
    }
    long waited = Instant.now().getMillis() - started.getMillis();
    assertThat(waited, greaterThan(500L));
    assertThat(counter(SensorSourceMetrics.END_OF_STREAM), equalTo(1L));
  }

  @Test
  void withoutMarkerOrIdleTimeoutTheStreamStaysOpen() throws IOException {
    folder.publish(
        "locations/t=000.0/car-a.parquet", Topic.LOCATIONS, List.of(location("car-a", START, 1)));
    try (RepeatableBatchesReader reader = reader(folder.config(), null)) {
      assertThat(reader.start(), is(true));
      Instant until = Instant.now().plus(Duration.millis(800));
      while (Instant.now().isBefore(until)) {
        assertThat(reader.advance(), is(false));
      }
      assertThat(reader.getWatermark(), equalTo(START.minus(Duration.standardSeconds(5))));
    }
    assertThat(counter(SensorSourceMetrics.END_OF_STREAM), equalTo(0L));
  }

  @Test
  void realDataIsReadExactlyOnceAcrossRestoresWithNothingTooLate() throws IOException {
    List<StagedFile> files = folder.stageRealSlices(34);
    files.forEach(folder::publish);
    folder.complete();

    // Chunks of 16 rows, so that marks fall inside files (up to ~60 rows) as well as between.
    SensorSourceConfig config = folder.config().withMaxRowsPerElement(16);
    List<String> rows = new ArrayList<>();
    SensorFilesCheckpointMark mark = null;
    int restores = 0;
    while (mark == null || !mark.endOfStream()) {
      try (RepeatableBatchesReader reader = reader(config, mark)) {
        rows.addAll(new Driver(reader).read(37));
        mark =
            CoderUtils.clone(SensorFilesCheckpointMark.MarkCoder.of(), reader.getCheckpointMark());
        restores++;
      }
    }

    List<String> expected = new ArrayList<>(describeAll(files));
    rows.sort(null);
    expected.sort(null);
    assertThat(rows.size(), equalTo(23_990));
    assertThat(rows, equalTo(expected));
    assertThat(restores, greaterThan(20));
    assertThat(mark.finishedFiles().size(), equalTo(files.size()));
    assertThat(counter(SensorSourceMetrics.TOO_LATE_ROWS), equalTo(0L));
    assertThat(counter(SensorSourceMetrics.BAD_FILES), equalTo(0L));
  }
}

package io.github.bddreplay.runners;

import io.github.bddreplay.pipelines.sinks.WriteWindowedParquet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.joda.time.Duration;

/**
 * The shape of our real pipelines, shrunk for tests: 15 s fixed windows with 30 s allowed lateness
 * and accumulating early / on-time / late firings, a count per key, written by the pipelines' sink
 * ({@link WriteWindowedParquet}: one Parquet file per window and bundle, no grouping after the
 * count). Each output row records which pane of the count it came from, so a test can tell the
 * on-time pane apart.
 */
final class WindowedCountToParquet {
  static final Duration WINDOW = Duration.standardSeconds(15);
  static final Duration ALLOWED_LATENESS = Duration.standardSeconds(30);

  static final Schema SCHEMA =
      SchemaBuilder.record("KeyCountPane")
          .namespace("io.github.bddreplay.runners")
          .fields()
          .requiredString("key")
          .requiredLong("window_start_millis")
          .requiredString("timing")
          .requiredLong("count")
          .endRecord();

  private WindowedCountToParquet() {}

  static Pipeline build(PipelineOptions options, ScriptedUnboundedSource source, Path outputDir) {
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("ReadScript", Read.from(source))
        .apply(
            "FixedWindowsAccumulating",
            Window.<String>into(FixedWindows.of(WINDOW))
                .triggering(firings())
                .withAllowedLateness(ALLOWED_LATENESS)
                .accumulatingFiredPanes())
        .apply("CountPerKey", Count.perElement())
        .apply("ToCountPaneRecord", ParDo.of(new ToCountPaneRecord()))
        .setCoder(AvroCoder.of(GenericRecord.class, SCHEMA))
        .apply("WriteParquet", WriteWindowedParquet.to(outputDir.toString(), SCHEMA));
    return pipeline;
  }

  private static Trigger firings() {
    return AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(
            AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.standardSeconds(1)))
        .withLateFirings(AfterPane.elementCountAtLeast(1));
  }

  /** Tags each count with its key, window and the timing of the pane that produced it. */
  static final class ToCountPaneRecord extends DoFn<KV<String, Long>, GenericRecord> {
    @ProcessElement
    public void processElement(
        @Element KV<String, Long> count,
        BoundedWindow window,
        PaneInfo pane,
        OutputReceiver<GenericRecord> out) {
      if (count.getValue() == 0) {
        // The empty on-time pane Beam 2.70's Spark runner fires again after a window's state is
        // gone; the windowed pipeline drops it the same way (PaneCounters#countEmpty).
        return;
      }
      GenericRecord record = new GenericData.Record(SCHEMA);
      record.put("key", count.getKey());
      record.put("window_start_millis", ((IntervalWindow) window).start().getMillis());
      record.put("timing", pane.getTiming().name());
      record.put("count", count.getValue());
      out.output(record);
    }
  }

  /** "key@windowStartMillis" for each key and window, as the pipeline should count them. */
  static Map<String, Long> expectedCounts(List<TimestampedValue<String>> events) {
    FixedWindows windows = FixedWindows.of(WINDOW);
    return events.stream()
        .collect(
            Collectors.groupingBy(
                e ->
                    e.getValue() + "@" + windows.assignWindow(e.getTimestamp()).start().getMillis(),
                Collectors.counting()));
  }

  /**
   * The counts of every ON_TIME pane in the finished files under {@code outputDir}, by
   * "key@windowStartMillis". The sink writes under a hidden name and renames into place, so a
   * visible file is a finished one.
   */
  static Map<String, Long> onTimeCounts(Path outputDir) {
    return onTimeCounts(finishedFiles(outputDir));
  }

  /** The counts of every ON_TIME pane in {@code files}, by "key@windowStartMillis". */
  static Map<String, Long> onTimeCounts(Set<Path> files) {
    Map<String, Long> counts = new HashMap<>();
    List<GenericRecord> rows =
        files.stream().sorted().flatMap(f -> readFile(f).stream()).collect(Collectors.toList());
    for (GenericRecord row : rows) {
      if (row.get("timing").toString().equals(PaneInfo.Timing.ON_TIME.name())) {
        String key = row.get("key") + "@" + row.get("window_start_millis");
        Long previous = counts.put(key, (Long) row.get("count"));
        if (previous != null) {
          throw new AssertionError("two ON_TIME panes for " + key + " in " + files);
        }
      }
    }
    return counts;
  }

  /** The Parquet files the sink has finished (renamed from their hidden names) so far. */
  static Set<Path> finishedFiles(Path outputDir) {
    if (!Files.isDirectory(outputDir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(outputDir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + outputDir, e);
    }
  }

  private static List<GenericRecord> readFile(Path file) {
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
      List<GenericRecord> rows = new ArrayList<>();
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

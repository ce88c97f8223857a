package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes windowed rows as Parquet files into directories of any Beam file system, one directory and
 * schema per input collection: each bundle writes one file per output and window it holds, as the
 * bundle finishes, named after the window and the rows ({@link WindowFileNaming}).
 *
 * <p>Why not FileIO: its windowed writes group the rows twice (by shard, then to finalize), and on
 * Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) every grouping is a stateful stage of every
 * micro-batch: rows waited several micro-batches for their file, and the stages cost CPU even while
 * no data came. Written straight from the bundle, rows are on disk in the micro-batch that produced
 * them. Every element is written exactly once, in the pane it comes in: a sink after accumulating
 * panes writes each pane's whole result, and readers keep the latest pane per key (its {@code
 * pane_index}).
 *
 * <p>Why one step for several outputs: that runner makes a Spark job of every leaf of the pipeline
 * and runs a micro-batch's jobs one after another, so four sinks were four jobs in a row, each a
 * chain of stages. The outputs' rows, tagged with their destination and flattened, reach one
 * writer: one job per micro-batch for all of them, whose stages Spark runs side by side. The job
 * ends with its slowest output, so {@code SensorPipelines} keeps the quick outputs apart from the
 * slow ones.
 *
 * <p><b>On a runner that restores from checkpoints</b> (Flink), the input after the last checkpoint
 * is processed again after a restore, in other bundles: files of the first attempt would then
 * overlap files of the second. {@link #writingOnlyCheckpointedInput()} makes the sink write only
 * input a completed checkpoint covers ({@link DoFn.RequiresStableInput}), so every row is written
 * once; files an attempt left unfinished ({@link #discardUnfinishedFiles}) hold nothing another
 * file lacks. Beam's Spark runner refuses that annotation, and needs none: it re-reads the stream
 * instead of restoring.
 */
public class WriteWindowedParquet extends PTransform<PCollectionList<GenericRecord>, PDone> {
  private final List<Destination> destinations;
  private final boolean onlyCheckpointedInput;

  /**
   * Where the rows of one input collection go.
   *
   * @param jsonSchema the rows' Avro schema as JSON (Avro's {@code Schema} is not serializable)
   */
  record Destination(String directory, String jsonSchema) implements Serializable {}

  private WriteWindowedParquet(List<Destination> destinations, boolean onlyCheckpointedInput) {
    this.destinations = destinations;
    this.onlyCheckpointedInput = onlyCheckpointedInput;
  }

  /** A sink with no destination yet; {@link #and} adds them in the order of the input list. */
  public static WriteWindowedParquet create() {
    return new WriteWindowedParquet(List.of(), false);
  }

  /** The sink of a single collection of rows of {@code schema}. */
  public static PTransform<PCollection<GenericRecord>, PDone> to(String directory, Schema schema) {
    WriteWindowedParquet writer = create().and(directory, schema);
    return PTransform.compose(
        "Write windowed Parquet", rows -> PCollectionList.of(rows).apply(writer));
  }

  /**
   * The same sink, writing the next input collection's rows of {@code schema} to {@code directory}.
   */
  public WriteWindowedParquet and(String directory, Schema schema) {
    List<Destination> more = new ArrayList<>(destinations);
    more.add(new Destination(directory, schema.toString()));
    return new WriteWindowedParquet(List.copyOf(more), onlyCheckpointedInput);
  }

  /** The same sink, writing each row only once a completed checkpoint covers it. */
  public WriteWindowedParquet writingOnlyCheckpointedInput() {
    return new WriteWindowedParquet(destinations, true);
  }

  /**
   * With {@link #writingOnlyCheckpointedInput()} the rows are first spread over the writers
   * (Reshuffle, which Beam's Flink runner turns into a plain rebalance): otherwise a writer of
   * {@code simple} sits in the same task as a split of the source and ends with it, and Flink
   * declines every checkpoint while some tasks of a writer have ended and others not, because the
   * stable-input buffer is union list state (PartialFinishingNotSupportedByStateException).
   */
  @Override
  public PDone expand(PCollectionList<GenericRecord> outputs) {
    if (outputs.size() != destinations.size()) {
      throw new IllegalArgumentException(
          outputs.size() + " collections of rows for " + destinations.size() + " destinations");
    }
    List<Coder<?>> rowCoders = new ArrayList<>();
    destinations.forEach(
        destination ->
            rowCoders.add(
                AvroCoder.of(
                    GenericRecord.class, new Schema.Parser().parse(destination.jsonSchema()))));
    UnionCoder taggedCoder = UnionCoder.of(rowCoders);
    PCollectionList<RawUnionValue> tagged = PCollectionList.empty(outputs.getPipeline());
    for (int index = 0; index < destinations.size(); index++) {
      PCollection<GenericRecord> rows = outputs.get(index);
      tagged =
          tagged.and(
              rows.apply(
                      "Tag the rows of destination " + index,
                      ParDo.of(new TagWithDestinationFn(index)))
                  .setCoder(taggedCoder)
                  .apply("Past every trigger " + index, pastEveryTrigger(rows)));
    }
    PCollection<RawUnionValue> rows = tagged.apply("Rows of every output", Flatten.pCollections());
    if (onlyCheckpointedInput) {
      rows.apply("Spread over the writers", Reshuffle.viaRandomKey())
          .apply(
              "Write one file per output, window and bundle",
              ParDo.of(new WriteCheckpointedBundleFilesFn(destinations)));
    } else {
      rows.apply(
          "Write one file per output, window and bundle",
          ParDo.of(new WriteBundleFilesFn(destinations)));
    }
    return PDone.in(outputs.getPipeline());
  }

  /**
   * The rows' windows, lateness and panes unchanged, their trigger reset: Flatten refuses inputs
   * with different triggers, and no grouping follows that would use one.
   */
  private static Window<RawUnionValue> pastEveryTrigger(PCollection<GenericRecord> rows) {
    return Window.<RawUnionValue>configure()
        .triggering(DefaultTrigger.of())
        .withAllowedLateness(rows.getWindowingStrategy().getAllowedLateness())
        .discardingFiredPanes();
  }

  /** Tags each row with the index of its destination. */
  static final class TagWithDestinationFn extends DoFn<GenericRecord, RawUnionValue> {
    private final int destination;

    TagWithDestinationFn(int destination) {
      this.destination = destination;
    }

    @ProcessElement
    public void processElement(@Element GenericRecord row, OutputReceiver<RawUnionValue> out) {
      out.output(new RawUnionValue(destination, row));
    }
  }

  /**
   * Deletes the files a killed run left unfinished in {@code directory} (hidden, never read): with
   * {@link #writingOnlyCheckpointedInput()} their rows are written again after the restore.
   */
  public static void discardUnfinishedFiles(String directory) throws IOException {
    List<ResourceId> unfinished = new ArrayList<>();
    String pattern =
        FileSystems.matchNewResource(directory, true)
            .resolve(StreamLayout.IN_PROGRESS_PREFIX + "*", StandardResolveOptions.RESOLVE_FILE)
            .toString();
    for (MatchResult.Metadata file :
        FileSystems.match(pattern, EmptyMatchTreatment.ALLOW).metadata()) {
      unfinished.add(file.resourceId());
    }
    FileSystems.delete(unfinished, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /**
   * Keeps a file open per destination and window while a bundle lasts; finishes them at its end.
   */
  static class WriteBundleFilesFn extends DoFn<RawUnionValue, Void> {
    private final List<Destination> destinations;
    private transient List<Schema> schemas;
    private transient List<ResourceId> directories;
    private transient List<Map<BoundedWindow, WindowFile>> openFiles;

    WriteBundleFilesFn(List<Destination> destinations) {
      this.destinations = destinations;
    }

    @Setup
    public void setup() {
      schemas = new ArrayList<>();
      directories = new ArrayList<>();
      for (Destination destination : destinations) {
        schemas.add(new Schema.Parser().parse(destination.jsonSchema()));
        directories.add(FileSystems.matchNewResource(destination.directory(), true));
      }
    }

    @StartBundle
    public void startBundle() {
      openFiles = new ArrayList<>();
      destinations.forEach(destination -> openFiles.add(new HashMap<>()));
    }

    @ProcessElement
    public void processElement(@Element RawUnionValue row, BoundedWindow window)
        throws IOException {
      if (!(window instanceof IntervalWindow interval)) {
        throw new IllegalArgumentException(
            "windowed files need interval windows to be named, got " + window);
      }
      int destination = row.getUnionTag();
      Map<BoundedWindow, WindowFile> files = openFiles.get(destination);
      WindowFile file = files.get(window);
      if (file == null) {
        file = WindowFile.open(directories.get(destination), interval, schemas.get(destination));
        files.put(window, file);
      }
      file.write((GenericRecord) row.getValue());
    }

    @FinishBundle
    public void finishBundle() {
      for (int destination = 0; destination < destinations.size(); destination++) {
        for (WindowFile file : openFiles.get(destination).values()) {
          finish(file, destinations.get(destination));
        }
      }
      openFiles = null;
    }

    private static void finish(WindowFile file, Destination destination) {
      try {
        file.finish();
      } catch (IOException e) {
        throw new UncheckedIOException("could not finish a file in " + destination.directory(), e);
      }
    }
  }

  /** {@link WriteBundleFilesFn} on input a completed checkpoint covers. */
  static final class WriteCheckpointedBundleFilesFn extends WriteBundleFilesFn {
    WriteCheckpointedBundleFilesFn(List<Destination> destinations) {
      super(destinations);
    }

    @Override
    @ProcessElement
    @RequiresStableInput
    public void processElement(@Element RawUnionValue row, BoundedWindow window)
        throws IOException {
      super.processElement(row, window);
    }
  }
}

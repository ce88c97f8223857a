package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes windowed rows of one schema as Parquet files into a directory of any Beam file system:
 * each bundle writes one file per window it holds, as the bundle finishes, named after the window
 * and the rows ({@link WindowFileNaming}).
 *
 * <p>Why not FileIO: its windowed writes group the rows twice (by shard, then to finalize), and on
 * Beam 2.70's Spark runner (RUNNER-WORKAROUNDS.md) every grouping is a stateful stage of every
 * micro-batch: rows waited several micro-batches for their file, and the stages cost CPU even while
 * no data came. Written straight from the bundle, rows are on disk in the micro-batch that produced
 * them. Every element is written exactly once, in the pane it comes in: a sink after accumulating
 * panes writes each pane's whole result, and readers keep the latest pane per key (its {@code
 * pane_index}).
 *
 * <p><b>On a runner that restores from checkpoints</b> (Flink), the input after the last checkpoint
 * is processed again after a restore, in other bundles: files of the first attempt would then
 * overlap files of the second. {@link #writingOnlyCheckpointedInput()} makes the sink write only
 * input a completed checkpoint covers ({@link DoFn.RequiresStableInput}), so every row is written
 * once; files an attempt left unfinished ({@link #discardUnfinishedFiles}) hold nothing another
 * file lacks. Beam's Spark runner refuses that annotation, and needs none: it re-reads the stream
 * instead of restoring.
 */
public class WriteWindowedParquet extends PTransform<PCollection<GenericRecord>, PDone> {
  private final String directory;
  private final Schema schema;
  private final boolean onlyCheckpointedInput;

  public WriteWindowedParquet(String directory, Schema schema) {
    this(directory, schema, false);
  }

  private WriteWindowedParquet(String directory, Schema schema, boolean onlyCheckpointedInput) {
    this.directory = directory;
    this.schema = schema;
    this.onlyCheckpointedInput = onlyCheckpointedInput;
  }

  /** The same sink, writing each row only once a completed checkpoint covers it. */
  public WriteWindowedParquet writingOnlyCheckpointedInput() {
    return new WriteWindowedParquet(directory, schema, true);
  }

  /**
   * With {@link #writingOnlyCheckpointedInput()} the rows are first spread over the writers
   * (Reshuffle, which Beam's Flink runner turns into a plain rebalance): otherwise a writer of
   * {@code simple} sits in the same task as a split of the source and ends with it, and Flink
   * declines every checkpoint while some tasks of a writer have ended and others not, because the
   * stable-input buffer is union list state (PartialFinishingNotSupportedByStateException).
   */
  @Override
  public PDone expand(PCollection<GenericRecord> rows) {
    if (onlyCheckpointedInput) {
      rows.apply("Spread over the writers", Reshuffle.viaRandomKey())
          .apply(
              "Write one file per window and bundle",
              ParDo.of(new WriteCheckpointedBundleFilesFn(directory, schema.toString())));
    } else {
      rows.apply(
          "Write one file per window and bundle",
          ParDo.of(new WriteBundleFilesFn(directory, schema.toString())));
    }
    return PDone.in(rows.getPipeline());
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

  /** Keeps a file open per window while a bundle lasts; finishes them all when it ends. */
  static class WriteBundleFilesFn extends DoFn<GenericRecord, Void> {
    private final String directory;
    private final String jsonSchema;
    private transient Schema schema;
    private transient ResourceId directoryId;
    private transient Map<BoundedWindow, WindowFile> openFiles;

    WriteBundleFilesFn(String directory, String jsonSchema) {
      this.directory = directory;
      this.jsonSchema = jsonSchema;
    }

    @Setup
    public void setup() {
      schema = new Schema.Parser().parse(jsonSchema);
      directoryId = FileSystems.matchNewResource(directory, true);
    }

    @StartBundle
    public void startBundle() {
      openFiles = new HashMap<>();
    }

    @ProcessElement
    public void processElement(@Element GenericRecord row, BoundedWindow window)
        throws IOException {
      if (!(window instanceof IntervalWindow interval)) {
        throw new IllegalArgumentException(
            "windowed files need interval windows to be named, got " + window);
      }
      WindowFile file = openFiles.get(window);
      if (file == null) {
        file = WindowFile.open(directoryId, interval, schema);
        openFiles.put(window, file);
      }
      file.write(row);
    }

    @FinishBundle
    public void finishBundle() {
      openFiles.values().forEach(this::finish);
      openFiles = null;
    }

    private void finish(WindowFile file) {
      try {
        file.finish();
      } catch (IOException e) {
        throw new UncheckedIOException("could not finish a file in " + directory, e);
      }
    }
  }

  /** {@link WriteBundleFilesFn} on input a completed checkpoint covers. */
  static final class WriteCheckpointedBundleFilesFn extends WriteBundleFilesFn {
    WriteCheckpointedBundleFilesFn(String directory, String jsonSchema) {
      super(directory, jsonSchema);
    }

    @Override
    @ProcessElement
    @RequiresStableInput
    public void processElement(@Element GenericRecord row, BoundedWindow window)
        throws IOException {
      super.processElement(row, window);
    }
  }
}

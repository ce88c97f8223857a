package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.pipelines.transforms.EventTimeWindowing;
import io.github.bddreplay.pipelines.windowing.WindowingSpec;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import io.github.bddreplay.pipelines.transforms.GroupWithinBundle;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.joda.time.Duration;

/**
 * Writes rows of one schema as Parquet files into a directory of any Beam file system: one file
 * per window, pane and shard, named by {@link WindowPaneFileNaming}. Unfinished files live in a
 * {@code .temp-beam*} folder of the directory, which readers skip as they skip any dot file.
 *
 * <p>The rows of a bundle are gathered into one list per window first ({@link GroupWithinBundle}:
 * FileIO groups its input, and the Spark runner's grouping costs the square of the elements per
 * window), then re-windowed into the same windows with discarding panes. FileIO groups
 * its input with the input's windowing strategy: downstream of an accumulating trigger, every
 * pane's file would repeat the rows already written for the earlier panes of its window.
 */
public class WriteWindowedParquet
    extends PTransform<PCollection<GenericRecord>, WriteFilesResult<Void>> {
  /** A fixed shard count: unbounded writes need one, and the outputs here are small. */
  private static final int SHARDS = 1;

  private final String directory;
  private final Schema schema;
  private final WindowingSpec windowing;
  private final Duration flushDelay;

  /**
   * @param flushDelay how long rows of a window wait for more before they are written together
   *     (see {@link EventTimeWindowing#discardingPanes}); zero writes every pane as it comes
   */
  public WriteWindowedParquet(
      String directory, Schema schema, WindowingSpec windowing, Duration flushDelay) {
    if (windowing.windowSize().getMillis() % 1000 != 0) {
      throw new IllegalArgumentException(
          "window size must be a whole number of seconds, as file names give window bounds to"
              + " the second: "
              + windowing.windowSize());
    }
    this.directory = directory;
    this.schema = schema;
    this.windowing = windowing;
    this.flushDelay = flushDelay;
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<GenericRecord> rows) {
    return rows.apply("One group per window", WithKeys.of((Void) null))
        .setCoder(KvCoder.of(VoidCoder.of(), AvroCoder.of(GenericRecord.class, schema)))
        .apply("Gather rows per window", GroupWithinBundle.create())
        .apply("Row lists", Values.create())
        .setCoder(ListCoder.of(AvroCoder.of(GenericRecord.class, schema)))
        .apply(
            "Re-window with discarding panes",
            EventTimeWindowing.<List<GenericRecord>>discardingPanes(windowing, flushDelay))
        .apply(
            "Write Parquet files",
            FileIO.<List<GenericRecord>>write()
                .via(
                    new RowBatchSink(
                        ParquetIO.sink(schema).withCompressionCodec(CompressionCodecName.SNAPPY)))
                .to(directory)
                .withNaming(new WindowPaneFileNaming(".parquet"))
                .withNumShards(SHARDS));
  }
}

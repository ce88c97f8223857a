package io.github.bddreplay.pipelines.sinks;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One Parquet file of a window, written row by row under a hidden name and, once finished, renamed
 * to its final name ({@link WindowFileNaming}) in one step, so readers see it whole or not at all.
 * Rows go straight into the Parquet writer, so memory does not grow with the rows of a window.
 */
final class WindowFile {
  static final String SUFFIX = ".parquet";

  /** Hex digits of the content digest in the file name: 128 bits. */
  private static final int DIGEST_HEX_DIGITS = 32;

  /** Bounds the Parquet writer's buffer per open file; output files here are far smaller. */
  private static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;

  private final ResourceId directory;
  private final IntervalWindow window;
  private final ResourceId inProgress;
  private final WritableByteChannel channel;
  private final FileIO.Sink<GenericRecord> writer;
  private final RowsDigest digest = new RowsDigest();

  private WindowFile(
      ResourceId directory,
      IntervalWindow window,
      ResourceId inProgress,
      WritableByteChannel channel,
      FileIO.Sink<GenericRecord> writer) {
    this.directory = directory;
    this.window = window;
    this.inProgress = inProgress;
    this.channel = channel;
    this.writer = writer;
  }

  /** Starts a file of {@code window} in {@code directory} for rows of {@code schema}. */
  static WindowFile open(ResourceId directory, IntervalWindow window, Schema schema)
      throws IOException {
    ResourceId inProgress =
        directory.resolve(
            StreamLayout.IN_PROGRESS_PREFIX + UUID.randomUUID() + SUFFIX,
            StandardResolveOptions.RESOLVE_FILE);
    WritableByteChannel channel = FileSystems.create(inProgress, MimeTypes.BINARY);
    ParquetIO.Sink writer =
        ParquetIO.sink(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(ROW_GROUP_BYTES);
    writer.open(channel);
    return new WindowFile(directory, window, inProgress, channel, writer);
  }

  void write(GenericRecord row) throws IOException {
    writer.write(row);
    digest.add(row);
  }

  /** Finishes the file and moves it to its final name, which it returns. */
  ResourceId finish() throws IOException {
    writer.flush();
    if (channel.isOpen()) {
      channel.close();
    }
    ResourceId finished =
        directory.resolve(
            WindowFileNaming.fileName(window, digest.hex(DIGEST_HEX_DIGITS), SUFFIX),
            StandardResolveOptions.RESOLVE_FILE);
    FileSystems.rename(List.of(inProgress), List.of(finished));
    return finished;
  }
}

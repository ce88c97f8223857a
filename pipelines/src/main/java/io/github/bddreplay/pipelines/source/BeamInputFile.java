package io.github.bddreplay.pipelines.source;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} read through Beam's {@link FileSystems}, so that Parquet files on any
 * file system Beam has a module for (local, hdfs://, s3://, gs://) can be read without Hadoop's
 * file system layer.
 */
public final class BeamInputFile implements InputFile {
  private final MatchResult.Metadata metadata;

  public BeamInputFile(MatchResult.Metadata metadata) {
    this.metadata = metadata;
  }

  @Override
  public long getLength() {
    return metadata.sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    ReadableByteChannel channel = FileSystems.open(metadata.resourceId());
    if (!(channel instanceof SeekableByteChannel seekable)) {
      channel.close();
      throw new IOException(
          "the file system of " + metadata.resourceId() + " cannot seek, which Parquet needs");
    }
    return new DelegatingSeekableInputStream(Channels.newInputStream(seekable)) {
      @Override
      public long getPos() throws IOException {
        return seekable.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        seekable.position(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return metadata.resourceId().toString();
  }
}

package io.github.bddreplay.pipelines.sinks;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/** A file sink that writes every row of each list it is given through a row sink. */
final class RowBatchSink implements FileIO.Sink<List<GenericRecord>> {
  private final FileIO.Sink<GenericRecord> rows;

  RowBatchSink(FileIO.Sink<GenericRecord> rows) {
    this.rows = rows;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    rows.open(channel);
  }

  @Override
  public void write(List<GenericRecord> batch) throws IOException {
    for (GenericRecord row : batch) {
      rows.write(row);
    }
  }

  @Override
  public void flush() throws IOException {
    rows.flush();
  }
}

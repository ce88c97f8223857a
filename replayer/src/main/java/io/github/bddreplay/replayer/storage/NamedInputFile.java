package io.github.bddreplay.replayer.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A file for parquet-mr's readers that its messages name by the file's name only: the replayer's
 * own messages already say where the file is.
 */
final class NamedInputFile implements InputFile {
  private final InputFile file;
  private final String name;

  NamedInputFile(InputFile file, Path path) {
    this.file = file;
    this.name = String.valueOf(path.getFileName());
  }

  @Override
  public long getLength() throws IOException {
    return file.getLength();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return file.newStream();
  }

  @Override
  public String toString() {
    return name;
  }
}

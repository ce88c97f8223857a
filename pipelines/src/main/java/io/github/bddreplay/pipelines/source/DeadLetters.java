package io.github.bddreplay.pipelines.source;

import io.github.bddreplay.contract.StreamLayout;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where unreadable input goes: one log line naming the file and the reason, a count, and an entry
 * {@code <errors>/<topic>/<slice>/<name>.txt} holding the file's path and the reason, written
 * through Beam's {@link FileSystems} so the errors folder may live on any file system.
 *
 * <p>Rows of a readable file that some pipelines must leave out get a row-level entry beside it,
 * {@code <name>.rows.txt}: the file's path, the reason, and the record numbers. The file itself was
 * read.
 */
final class DeadLetters implements Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  /** The entry of a file left out from where reading stopped. */
  static final String FILE_SUFFIX = ".txt";

  private final String errorsDir;

  DeadLetters(String errorsDir) {
    this.errorsDir = errorsDir;
  }

  /**
   * Records that {@code file} is skipped (from where reading stopped) because of {@code reason}.
   */
  void record(SensorFile file, String reason) {
    SensorSourceMetrics.BAD_FILES_COUNTER.inc();
    ResourceId entry = entryFor(file, FILE_SUFFIX);
    LOG.error("Skipping bad input file {}: {} (dead letter: {})", file, reason, entry);
    write(entry, file, "path: " + file + "\nreason: " + reason + "\n");
  }

  /**
   * Records that the rows of {@code file} with these record numbers (from 1) have no uuid: they are
   * in {@code simple} and left out of {@code windowed} and {@code stream-joined}. Written again
   * with the same content when the file is read again.
   */
  void recordRowsWithoutUuid(SensorFile file, List<Long> recordNumbers) {
    ResourceId entry = entryFor(file, StreamLayout.ROW_DEAD_LETTER_SUFFIX);
    String reason =
        recordNumbers.size()
            + " rows without uuid: kept in simple, left out of windowed and"
            + " stream-joined";
    LOG.warn("{}: {} (row-level dead letter: {})", file, reason, entry);
    String records = recordNumbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    write(entry, file, "path: " + file + "\nreason: " + reason + "\nrecords: " + records + "\n");
  }

  private static void write(ResourceId entry, SensorFile file, String text) {
    try (WritableByteChannel channel = FileSystems.create(entry, MimeTypes.TEXT)) {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "Could not write the dead-letter entry {} for {}: {}",
          entry,
          file,
          SensorFileReader.reasonOf(e));
    }
  }

  private ResourceId entryFor(SensorFile file, String suffix) {
    return FileSystems.matchNewResource(errorsDir, true)
        .resolve(file.topicFolder(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(file.sliceFolder(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(file.name() + suffix, StandardResolveOptions.RESOLVE_FILE);
  }
}

package io.github.bddreplay.pipelines.source;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
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
 */
final class DeadLetters implements Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final String errorsDir;

  DeadLetters(String errorsDir) {
    this.errorsDir = errorsDir;
  }

  /** Records that {@code file} is skipped (from where reading stopped) because of {@code reason}. */
  void record(SensorFile file, String reason) {
    SensorSourceMetrics.BAD_FILES_COUNTER.inc();
    ResourceId entry = entryFor(file);
    LOG.error("Skipping bad input file {}: {} (dead letter: {})", file, reason, entry);
    String text = "path: " + file + "\nreason: " + reason + "\n";
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

  private ResourceId entryFor(SensorFile file) {
    return FileSystems.matchNewResource(errorsDir, true)
        .resolve(file.topicFolder(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(file.sliceFolder(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(file.name() + ".txt", StandardResolveOptions.RESOLVE_FILE);
  }
}

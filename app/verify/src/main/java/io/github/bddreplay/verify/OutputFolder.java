package io.github.bddreplay.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline's folder under {@code output/}: the visible Parquet files in it, which are what the
 * pipeline finished writing. Other visible files are not read here (the output-files check names
 * them).
 *
 * @param name how the checks name the output, such as "simple locations" or "windowed"
 */
record OutputFolder(String name, Path dir, boolean exists, List<Path> files) {
  static OutputFolder at(String name, Path dir) throws IOException {
    return new OutputFolder(
        name,
        dir,
        Files.isDirectory(dir),
        VisibleFiles.under(dir).stream().filter(VisibleFiles::isParquet).toList());
  }

  /** Why a check of this output cannot hold when the folder is missing. */
  String missing() {
    return "no folder " + dir + ": the pipeline wrote nothing there (was it run?)";
  }

  /** A query of {@code columns} in every file of the output. */
  String rows(List<Column> columns) {
    return "(" + Column.select(columns, files) + ")";
  }
}

package io.github.bddreplay.pipelines.oracle;

import java.util.Map;
import java.util.Set;

/**
 * What the simple pipeline wrote for one topic.
 *
 * @param rows every row, as a fingerprint over the topic's source columns, with how often it
 *     occurs
 * @param parquetSchemas the distinct Parquet schemas of the files, in their text form
 * @param files how many data files were read
 */
public record SimpleOutput(Map<RowFingerprint, Long> rows, Set<String> parquetSchemas, int files) {
  public SimpleOutput {
    rows = Map.copyOf(rows);
    parquetSchemas = Set.copyOf(parquetSchemas);
  }

  public long rowCount() {
    return Multisets.size(rows);
  }
}

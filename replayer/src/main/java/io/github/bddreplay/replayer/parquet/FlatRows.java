package io.github.bddreplay.replayer.parquet;

import org.apache.parquet.schema.MessageType;

/**
 * The rows of a Parquet file whose columns are all primitive and not repeated (a flat table), held
 * column by column.
 */
public final class FlatRows {
  private final MessageType schema;
  private final int count;
  private final ColumnValues[] columns;

  FlatRows(MessageType schema, int count, ColumnValues[] columns) {
    this.schema = schema;
    this.count = count;
    this.columns = columns;
  }

  public MessageType schema() {
    return schema;
  }

  public int count() {
    return count;
  }

  /** The values of the column at {@code index} in the schema. */
  public ColumnValues column(int index) {
    return columns[index];
  }
}

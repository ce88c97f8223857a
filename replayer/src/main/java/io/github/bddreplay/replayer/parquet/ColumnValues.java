package io.github.bddreplay.replayer.parquet;

import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The values of one primitive column, row by row, as stored: no logical-type conversion, so they
 * are written back bit for bit. A row may have no value (null).
 */
public final class ColumnValues {
  private final PrimitiveTypeName type;
  private final boolean[] present;

  /** BOOLEAN (0 or 1), INT32 and INT64. */
  private final long[] longs;

  /** FLOAT and DOUBLE; a float widened to double narrows back to the same float. */
  private final double[] doubles;

  /** BINARY, FIXED_LEN_BYTE_ARRAY and INT96. */
  private final Binary[] binaries;

  ColumnValues(PrimitiveTypeName type, int rows) {
    this.type = type;
    this.present = new boolean[rows];
    this.longs = holdsLongs(type) ? new long[rows] : null;
    this.doubles = holdsDoubles(type) ? new double[rows] : null;
    this.binaries = longs == null && doubles == null ? new Binary[rows] : null;
  }

  private static boolean holdsLongs(PrimitiveTypeName type) {
    return type == PrimitiveTypeName.BOOLEAN
        || type == PrimitiveTypeName.INT32
        || type == PrimitiveTypeName.INT64;
  }

  private static boolean holdsDoubles(PrimitiveTypeName type) {
    return type == PrimitiveTypeName.FLOAT || type == PrimitiveTypeName.DOUBLE;
  }

  public PrimitiveTypeName type() {
    return type;
  }

  public boolean isNull(int row) {
    return !present[row];
  }

  /** The value of a numeric column as a double; NaN where the row has none. */
  public double number(int row) {
    if (!present[row]) {
      return Double.NaN;
    }
    if (doubles != null) {
      return doubles[row];
    }
    if (type == PrimitiveTypeName.BOOLEAN || longs == null) {
      throw new IllegalStateException(type + " column has no numbers");
    }
    return longs[row];
  }

  /**
   * The row's value boxed as its type stores it (Boolean, Integer, Long, Float, Double or Binary);
   * null where the row has none.
   */
  Object value(int row) {
    if (!present[row]) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> longs[row] != 0;
      case INT32 -> (int) longs[row];
      case INT64 -> longs[row];
      case FLOAT -> (float) doubles[row];
      case DOUBLE -> doubles[row];
      default -> binaries[row];
    };
  }

  /** Replaces the value of an INT64 column. */
  public void setLong(int row, long value) {
    if (type != PrimitiveTypeName.INT64) {
      throw new IllegalStateException("not an INT64 column but " + type);
    }
    present[row] = true;
    longs[row] = value;
  }

  public void setNull(int row) {
    present[row] = false;
  }

  /**
   * Reads {@code count} rows from a flat column whose values are defined at {@code maxDefinition},
   * into rows {@code from} on.
   */
  void read(ColumnReader reader, int maxDefinition, int from, int count) {
    for (int row = from; row < from + count; row++) {
      present[row] = reader.getCurrentDefinitionLevel() == maxDefinition;
      if (present[row]) {
        switch (type) {
          case BOOLEAN -> longs[row] = reader.getBoolean() ? 1 : 0;
          case INT32 -> longs[row] = reader.getInteger();
          case INT64 -> longs[row] = reader.getLong();
          case FLOAT -> doubles[row] = reader.getFloat();
          case DOUBLE -> doubles[row] = reader.getDouble();
          default -> binaries[row] = reader.getBinary();
        }
      }
      reader.consume();
    }
  }

  /** Adds the row's value to the field being written; the caller leaves out null values. */
  void write(RecordConsumer consumer, int row) {
    switch (type) {
      case BOOLEAN -> consumer.addBoolean(longs[row] != 0);
      case INT32 -> consumer.addInteger((int) longs[row]);
      case INT64 -> consumer.addLong(longs[row]);
      case FLOAT -> consumer.addFloat((float) doubles[row]);
      case DOUBLE -> consumer.addDouble(doubles[row]);
      default -> consumer.addBinary(binaries[row]);
    }
  }
}

package io.github.bddreplay.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
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

  /** How many rows the column has. */
  int size() {
    return present.length;
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

  /** Sets the row's value to the next of {@code values}. */
  void readPlain(PlainValues values, int row) throws IOException {
    switch (type) {
      case BOOLEAN -> longs[row] = values.nextBoolean() ? 1 : 0;
      case INT32 -> longs[row] = values.nextInt();
      case INT64 -> longs[row] = values.nextLong();
      case FLOAT -> doubles[row] = values.nextFloat();
      case DOUBLE -> doubles[row] = values.nextDouble();
      default -> binaries[row] = values.nextBinary();
    }
    present[row] = true;
  }

  /** Sets the row's value to the one {@code from} holds at {@code fromRow}: a dictionary entry. */
  void copy(int row, ColumnValues from, int fromRow) {
    if (longs != null) {
      longs[row] = from.longs[fromRow];
    } else if (doubles != null) {
      doubles[row] = from.doubles[fromRow];
    } else {
      binaries[row] = from.binaries[fromRow];
    }
    present[row] = true;
  }

  /** Writes the row's value, defined at {@code definitionLevel}; the caller writes null values. */
  void write(ColumnWriter writer, int row, int definitionLevel) {
    switch (type) {
      case BOOLEAN -> writer.write(longs[row] != 0, 0, definitionLevel);
      case INT32 -> writer.write((int) longs[row], 0, definitionLevel);
      case INT64 -> writer.write(longs[row], 0, definitionLevel);
      case FLOAT -> writer.write((float) doubles[row], 0, definitionLevel);
      case DOUBLE -> writer.write(doubles[row], 0, definitionLevel);
      default -> writer.write(binaries[row], 0, definitionLevel);
    }
  }
}

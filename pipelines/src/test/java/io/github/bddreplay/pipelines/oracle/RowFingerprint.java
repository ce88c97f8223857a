package io.github.bddreplay.pipelines.oracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.apache.avro.generic.GenericRecord;

/**
 * A row reduced to the values of named columns, in a form that compares exactly: strings by their
 * characters (Avro's Utf8 and String alike), doubles bit for bit (so 0.0 differs from -0.0 and
 * every NaN is compared by its bits), longs and booleans by value, nulls as null. Two rows are the
 * same row when their fingerprints are equal.
 */
public record RowFingerprint(List<String> columns, List<Object> values) {
  public RowFingerprint {
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(columns.size() + " columns but " + values.size() + " values");
    }
    columns = List.copyOf(columns);
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** A double held by its raw bits, shown as the number. */
  public record DoubleBits(long rawBits) {
    public static DoubleBits of(double value) {
      return new DoubleBits(Double.doubleToRawLongBits(value));
    }

    @Override
    public String toString() {
      double value = Double.longBitsToDouble(rawBits);
      return Double.isNaN(value) ? "NaN(0x" + Long.toHexString(rawBits) + ")" : Double.toString(value);
    }
  }

  /**
   * The values of {@code columns} in {@code row}.
   *
   * @throws IllegalArgumentException when the row has no such column or holds a value of a kind
   *     the BDD schemas do not have
   */
  public static RowFingerprint of(GenericRecord row, List<String> columns) {
    List<Object> values = new ArrayList<>(columns.size());
    for (String column : columns) {
      if (row.getSchema().getField(column) == null) {
        throw new IllegalArgumentException(
            "no column '" + column + "' in rows of schema " + row.getSchema().getFullName());
      }
      values.add(canonical(column, row.get(column)));
    }
    return new RowFingerprint(columns, values);
  }

  /** A row of nulls: the missing side of an outer join. */
  public static RowFingerprint allNull(List<String> columns) {
    return new RowFingerprint(columns, Collections.nCopies(columns.size(), null));
  }

  /**
   * The canonical value of {@code column}: a String, Long, Boolean, {@link DoubleBits} or null.
   *
   * @throws IllegalArgumentException when the fingerprint has no such column
   */
  public Object get(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column '" + column + "' in " + columns);
    }
    return values.get(index);
  }

  /** The same values under {@code prefix} + each column name. */
  public RowFingerprint prefixed(String prefix) {
    return new RowFingerprint(prefixed(prefix, columns), values);
  }

  /** This row's columns followed by {@code other}'s. */
  public RowFingerprint concat(RowFingerprint other) {
    List<String> allColumns = new ArrayList<>(columns);
    allColumns.addAll(other.columns);
    List<Object> allValues = new ArrayList<>(values);
    allValues.addAll(other.values);
    return new RowFingerprint(allColumns, allValues);
  }

  /** {@code prefix} + each of {@code columns}. */
  public static List<String> prefixed(String prefix, List<String> columns) {
    return columns.stream().map(column -> prefix + column).toList();
  }

  private static Object canonical(String column, Object value) {
    if (value == null || value instanceof Long || value instanceof Boolean) {
      return value;
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof Double number) {
      return DoubleBits.of(number);
    }
    throw new IllegalArgumentException(
        "column '" + column + "' holds a " + value.getClass().getName()
            + ", not a string, long, double or boolean as in the BDD schemas: " + value);
  }

  @Override
  public String toString() {
    StringJoiner shown = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < columns.size(); i++) {
      Object value = values.get(i);
      shown.add(columns.get(i) + "=" + (value instanceof String ? "\"" + value + "\"" : value));
    }
    return shown.toString();
  }
}

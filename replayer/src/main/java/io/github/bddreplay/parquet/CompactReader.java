package io.github.bddreplay.parquet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Thrift's compact protocol, the encoding of Parquet footers and page headers, straight from
 * a byte array, and skips what its caller does not want without decoding it. Thrift's own
 * TCompactProtocol allocates an object per field header and per skipped string, which in a footer
 * with statistics for every column is most of the work.
 *
 * <p>Usage: {@link #beginStruct()}, then {@link #nextField()} until it returns false, reading or
 * {@link #skipField() skipping} each field, then {@link #endStruct(int)}.
 */
final class CompactReader {
  // Compact protocol type codes.
  private static final int BOOLEAN_TRUE = 1;
  private static final int BOOLEAN_FALSE = 2;
  private static final int BYTE = 3;
  private static final int I16 = 4;
  private static final int I32 = 5;
  private static final int I64 = 6;
  private static final int DOUBLE = 7;
  static final int BINARY = 8;
  static final int LIST = 9;
  private static final int SET = 10;
  private static final int MAP = 11;
  static final int STRUCT = 12;
  /** Deeper nesting than any Parquet structure has: a corrupt file, not a stack overflow. */
  private static final int MAX_DEPTH = 32;

  private final byte[] bytes;
  private final int end;
  private int position;
  private int lastFieldId;
  private int fieldId;
  private int fieldType;

  CompactReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  int position() {
    return position;
  }

  /** Starts reading a structure; returns what {@link #endStruct(int)} needs to resume the outer one. */
  int beginStruct() {
    int outer = lastFieldId;
    lastFieldId = 0;
    return outer;
  }

  void endStruct(int outer) {
    lastFieldId = outer;
  }

  /** Reads the next field's header; false at the end of the structure. */
  boolean nextField() throws IOException {
    int header = readByte();
    if (header == 0) {
      return false;
    }
    int delta = (header >>> 4) & 0x0f;
    fieldType = header & 0x0f;
    fieldId = delta != 0 ? lastFieldId + delta : zigzag32(readVarint());
    lastFieldId = fieldId;
    return true;
  }

  int fieldId() {
    return fieldId;
  }

  int fieldType() {
    return fieldType;
  }

  /** Whether the current field is an integer (of any width), readable with {@link #readLong()}. */
  boolean fieldIsInteger() {
    return fieldType == I16 || fieldType == I32 || fieldType == I64;
  }

  boolean fieldIsBoolean() {
    return fieldType == BOOLEAN_TRUE || fieldType == BOOLEAN_FALSE;
  }

  /** The value of the current field, a boolean, which its header holds. */
  boolean booleanValue() {
    return fieldType == BOOLEAN_TRUE;
  }

  long readLong() throws IOException {
    return zigzag64(readVarint());
  }

  int readInt() throws IOException {
    long value = readLong();
    if (value != (int) value) {
      throw new IOException("corrupt Thrift structure: " + value + " does not fit an int");
    }
    return (int) value;
  }

  String readString() throws IOException {
    int length = length(readVarint());
    String text = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  /** Reads a list header of elements of {@code elementType}; returns its size. */
  int beginList(int elementType) throws IOException {
    int header = readByte();
    int size = (header >>> 4) & 0x0f;
    if (size == 15) {
      size = length(readVarint());
    }
    if ((header & 0x0f) != elementType && size > 0) {
      throw new IOException("corrupt Thrift structure: a list of type " + (header & 0x0f) + ", not " + elementType);
    }
    return size;
  }

  void skipField() throws IOException {
    // A boolean field's value is in its header.
    if (fieldType != BOOLEAN_TRUE && fieldType != BOOLEAN_FALSE) {
      skip(fieldType, 0);
    }
  }

  private void skip(int type, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("corrupt Thrift structure: nested deeper than " + MAX_DEPTH);
    }
    switch (type) {
      case BOOLEAN_TRUE, BOOLEAN_FALSE, BYTE -> advance(1);
      case I16, I32, I64 -> readVarint();
      case DOUBLE -> advance(8);
      case BINARY -> advance(length(readVarint()));
      case LIST, SET -> {
        int header = readByte();
        int size = (header >>> 4) & 0x0f;
        if (size == 15) {
          size = length(readVarint());
        }
        for (int i = 0; i < size; i++) {
          skip(header & 0x0f, depth + 1);
        }
      }
      case MAP -> {
        int size = length(readVarint());
        int types = size > 0 ? readByte() : 0;
        for (int i = 0; i < size; i++) {
          skip((types >>> 4) & 0x0f, depth + 1);
          skip(types & 0x0f, depth + 1);
        }
      }
      case STRUCT -> {
        int outer = beginStruct();
        while (nextField()) {
          if (fieldType != BOOLEAN_TRUE && fieldType != BOOLEAN_FALSE) {
            skip(fieldType, depth + 1);
          }
        }
        endStruct(outer);
      }
      default -> throw new IOException("corrupt Thrift structure: unknown type " + type);
    }
  }

  private int readByte() throws IOException {
    if (position >= end) {
      throw new IOException("corrupt Thrift structure: it runs past its end");
    }
    return bytes[position++] & 0xff;
  }

  /** Skips {@code count} bytes that are not Thrift, such as the page after a page header. */
  void advance(int count) throws IOException {
    if (count > end - position) {
      throw new IOException("corrupt Thrift structure: it runs past its end");
    }
    position += count;
  }

  private int length(long value) throws IOException {
    if (value < 0 || value > end - position) {
      throw new IOException("corrupt Thrift structure: a length of " + value + " runs past its end");
    }
    return (int) value;
  }

  private long readVarint() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("corrupt Thrift structure: a variable-length integer longer than 10 bytes");
  }

  private static int zigzag32(long value) {
    int n = (int) value;
    return (n >>> 1) ^ -(n & 1);
  }

  private static long zigzag64(long value) {
    return (value >>> 1) ^ -(value & 1);
  }
}

package io.github.bddreplay.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the replayer writes and reads back: string literals, and flat objects whose
 * values are strings or plain literals (numbers, true, false). Enough for its log, its
 * end-of-stream marker and its state file, without a JSON library on the classpath.
 */
final class JsonText {
  private JsonText() {}

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /**
   * The members of a flat JSON object, in order: string values unquoted, other values as written.
   *
   * @throws IllegalArgumentException when the text is not such an object, saying where
   */
  static Map<String, String> parseFlatObject(String text) {
    Parser parser = new Parser(text);
    Map<String, String> members = new LinkedHashMap<>();
    parser.expect('{');
    if (!parser.consume('}')) {
      do {
        String key = parser.string();
        parser.expect(':');
        members.put(key, parser.peek() == '"' ? parser.string() : parser.literal());
      } while (parser.consume(','));
      parser.expect('}');
    }
    parser.expectEnd();
    return members;
  }

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    char peek() {
      skipSpace();
      if (at == text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(at);
    }

    boolean consume(char c) {
      if (peek() == c) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!consume(c)) {
        throw error("expected '" + c + "'");
      }
    }

    void expectEnd() {
      skipSpace();
      if (at != text.length()) {
        throw error("unexpected text after the object");
      }
    }

    String string() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (at == text.length()) {
          break;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case '"', '\\', '/' -> value.append(escaped);
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("short \\u escape");
            }
            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw error("unknown escape \\" + escaped);
        }
      }
      throw error("unterminated string");
    }

    /** A number, true, false or null, as written. */
    String literal() {
      skipSpace();
      int begin = at;
      while (at < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (at == begin) {
        throw error("expected a value");
      }
      return text.substring(begin, at);
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(problem + " at character " + at);
    }
  }
}

package io.github.bddreplay.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that can sit inside an HTML {@code <script>} element as it is: {@code <}, {@code >} and
 * {@code &} are written as {@code \u003c} and so on, so no text in the data (a file name, a message
 * from verify) can close the element or open a comment.
 */
final class ScriptSafeJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setCharacterEscapes(new HtmlCharacterEscapes());
  }

  private ScriptSafeJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the page's data as JSON", e);
    }
  }

  private static final class HtmlCharacterEscapes extends CharacterEscapes {
    private final int[] escapes = standardAsciiEscapesForJSON();

    HtmlCharacterEscapes() {
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}

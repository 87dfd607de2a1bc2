package org.rollcall.alerts.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rollcall.core.text.Ascii;

/**
 * A flat JSON object of strings, numbers and string lists, written by hand (no JSON library for one
 * object): quotes, backslashes and every control character are escaped, so no text can close a
 * string or add a field.
 */
final class Json {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  Json put(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (name, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          string(out, name).append(':');
          value(out, value);
        });
    return out.append('}').toString();
  }

  private static void value(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : ",");
        value(out, item);
        first = false;
      }
      out.append(']');
    } else {
      string(out, value.toString());
    }
  }

  static StringBuilder string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20
              || c == 0x2028
              || c == 0x2029
              || Character.isSurrogate(c) && !validPair(text, i)) {
            out.append("\\u").append(Ascii.padded(c, 16, 4));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static boolean validPair(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}

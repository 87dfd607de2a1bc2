package org.rollcall.core.cli;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.text.Ascii;

/**
 * One option an {@code options} {@link PlainShape} takes, as declared: {@code -w,--warning=text}
 * (its names, then the type of its value), or {@code -k,--no-kthreads} (a flag).
 */
final class PlainOption {
  /** The value types, each read alike by picocli's converter and by the launcher script. */
  private static final List<String> TYPES = List.of("text", "count", "decimal");

  final List<String> names;

  /** {@code text}, {@code count} or {@code decimal}; null for a flag. */
  final String type;

  private PlainOption(List<String> names, String type) {
    this.names = names;
    this.type = type;
  }

  /**
   * The option {@code text} declares. Names are {@code -} then letters, digits and {@code -}: the
   * launcher script reads them unquoted.
   */
  static PlainOption declared(String text) {
    int equals = text.indexOf('=');
    String type = equals < 0 ? null : text.substring(equals + 1);
    if (type != null && !TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "option " + text + " in plain= has a type other than text, count or decimal");
    }
    List<String> names = new ArrayList<>();
    String list = equals < 0 ? text : text.substring(0, equals);
    int start = 0;
    while (start <= list.length()) {
      int comma = list.indexOf(',', start);
      int end = comma < 0 ? list.length() : comma;
      String name = list.substring(start, end);
      if (!isName(name) || names.contains(name)) {
        throw new IllegalArgumentException(
            "option " + text + " in plain= has a bad name '" + name + "'");
      }
      names.add(name);
      start = end + 1;
    }
    return new PlainOption(List.copyOf(names), type);
  }

  boolean flag() {
    return type == null;
  }

  /** Whether {@code value} is one this option's type takes as picocli would read it. */
  boolean accepts(String value) {
    if (value.isEmpty() || value.charAt(0) == '-') {
      return false;
    }
    if (type.equals("count")) {
      return Ascii.isDigits(value, 1, 9);
    }
    return !type.equals("decimal") || Ascii.isDecimal(value);
  }

  private static boolean isName(String name) {
    if (name.length() < 2 || name.charAt(0) != '-') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c == '-'
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return !name.equals("--");
  }
}

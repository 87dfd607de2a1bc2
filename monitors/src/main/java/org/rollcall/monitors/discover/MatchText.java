package org.rollcall.monitors.discover;

import java.util.StringJoiner;

/**
 * Writes the terms of a proposed MATCH so that ps.monitor reads them back as meant: a comma in a
 * value as {@code \,}, a name that would read as another term as {@code name=NAME}, and nothing a
 * rule cannot carry through mon.cf or a shell (control characters, line breaks).
 */
final class MatchText {
  private final StringJoiner terms = new StringJoiner(",");

  /** The NAME term; {@code name=} when the bare name would read as a path, negation or term. */
  MatchText name(String name) {
    boolean bare =
        !name.startsWith("/")
            && !name.startsWith("!")
            && !name.equals("*")
            && name.indexOf('=') < 0
            && name.indexOf('<') < 0
            && name.indexOf('>') < 0;
    terms.add((bare ? "" : "name=") + escape(name));
    return this;
  }

  MatchText term(String term) {
    terms.add(term);
    return this;
  }

  MatchText term(String key, String value) {
    terms.add(key + "=" + escape(value));
    return this;
  }

  MatchText exe(String path) {
    terms.add(escape(path));
    return this;
  }

  @Override
  public String toString() {
    return terms.toString();
  }

  /**
   * Whether {@code text} can stand in a rule at all: no control character, no line or paragraph
   * separator, none of the invisible format characters rollcall escapes in its output, and no
   * backslash at its end, which would read as escaping the comma after it ({@code \,}).
   */
  static boolean writable(String text) {
    if (text.endsWith("\\")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20
          || c == 0x7f
          || (c >= 0x80 && c < 0xa0)
          || Character.getType(c) == Character.FORMAT
          || c == '\u2028'
          || c == '\u2029'
          || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** A glob that stands for every instance of a numbered unit: session-3.scope, session-*.scope. */
  static String unitGlob(String unit) {
    StringBuilder glob = new StringBuilder();
    for (int i = 0; i < unit.length(); i++) {
      char c = unit.charAt(i);
      if (c >= '0' && c <= '9') {
        if (glob.length() == 0 || glob.charAt(glob.length() - 1) != '*') {
          glob.append('*');
        }
      } else {
        glob.append(c);
      }
    }
    return glob.toString();
  }

  private static String escape(String value) {
    return value.replace(",", "\\,");
  }
}

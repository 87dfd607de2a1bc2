package org.rollcall.monitors.discover;

import java.util.List;
import java.util.StringJoiner;

/** How each output format carries one argument through the program that splits its line. */
final class Quoting {
  private Quoting() {}

  /**
   * For a POSIX shell and mon (which splits monitor lines the same way): bare when only safe
   * characters, else in single quotes, a quote inside written {@code '\''}.
   */
  static String shell(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!safe(word.charAt(i))) {
        return "'" + word.replace("'", "'\\''") + "'";
      }
    }
    return word;
  }

  /**
   * For a Nagios {@code $ARG1$}: shell-quoted (Nagios hands a line with quotes to the shell), a
   * {@code !} written {@code \!} (Nagios splits arguments on it), a {@code $} as {@code $$}.
   */
  static String nagios(String word) {
    return shell(word).replace("$", "$$").replace("!", "\\!");
  }

  /** An Icinga 2 string: backslash and quote escaped, {@code $} doubled (a macro otherwise). */
  static String icinga(String word) {
    return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "$$") + "\"";
  }

  static String shellLine(List<String> words) {
    StringJoiner line = new StringJoiner(" ");
    for (String word : words) {
      line.add(shell(word));
    }
    return line.toString();
  }

  private static boolean safe(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "@%+=:,./_-".indexOf(c) >= 0;
  }
}

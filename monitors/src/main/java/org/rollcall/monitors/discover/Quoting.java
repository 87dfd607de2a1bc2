package org.rollcall.monitors.discover;

import java.util.List;
import java.util.StringJoiner;

/** How each output format carries one argument through the program that splits its line. */
final class Quoting {
  private Quoting() {}

  /**
   * For a POSIX shell and for mon, which splits a monitor line with Perl's Text::ParseWords: bare
   * when only safe characters, else in single quotes, a quote written {@code '\''} and a backslash
   * {@code '\\'}, outside the quotes. Inside single quotes Text::ParseWords takes a backslash as
   * escaping the next character, so a backslash before a quote would keep the quote from closing.
   */
  static String shell(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!safe(word.charAt(i))) {
        return singleQuoted(word);
      }
    }
    return word;
  }

  private static String singleQuoted(String word) {
    StringBuilder quoted = new StringBuilder("'");
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '\\') {
        quoted.append('\'').append('\\').append(c).append('\'');
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('\'').toString();
  }

  /**
   * For a Nagios {@code $ARG1$}: shell-quoted (Nagios hands a line with quotes to the shell), a
   * {@code !} written {@code \!} (Nagios splits arguments on it), a {@code ;} as {@code \;} (it
   * starts a comment in an object definition), a {@code $} as {@code $$}.
   */
  static String nagios(String word) {
    return shell(word).replace("$", "$$").replace("!", "\\!").replace(";", "\\;");
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

package org.rollcall.man;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line as a POSIX shell splits it into words, for the examples a sysadmin pastes: single
 * and double quotes and backslashes, stages joined by {@code |}. Anything the shell would expand or
 * redirect unquoted ({@code * ? [ ! $ ` ; & < > ( )}, a leading {@code ~} or {@code #}) is refused:
 * the example would not run as shown.
 */
final class ShellWords {
  private static final String REFUSED = "*?[!$`;&<>(){}";

  private ShellWords() {}

  /** The stages of {@code command}, each a list of words. */
  static List<List<String>> parse(String command) {
    List<List<String>> stages = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    while (i < command.length()) {
      char c = command.charAt(i);
      if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        i++;
      } else if (c == '|') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        stages.add(stage(words, command));
        words = new ArrayList<>();
        i++;
      } else {
        if (word == null) {
          word = new StringBuilder();
          if (c == '~' || c == '#') {
            throw new IllegalArgumentException("an unquoted '" + c + "' starts a word");
          }
        }
        i = character(command, i, word);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    stages.add(stage(words, command));
    return stages;
  }

  private static List<String> stage(List<String> words, String command) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("an empty command before or after '|'");
    }
    return List.copyOf(words);
  }

  /** Appends what starts at {@code i} (a character, or a quoted string) to word; the next index. */
  private static int character(String command, int i, StringBuilder word) {
    char c = command.charAt(i);
    if (c == '\'') {
      int end = command.indexOf('\'', i + 1);
      if (end < 0) {
        throw new IllegalArgumentException("a single quote is not closed");
      }
      word.append(command, i + 1, end);
      return end + 1;
    }
    if (c == '"') {
      int j = i + 1;
      while (j < command.length() && command.charAt(j) != '"') {
        char d = command.charAt(j);
        if (d == '$' || d == '`') {
          throw new IllegalArgumentException("'" + d + "' inside double quotes expands");
        }
        if (d == '\\' && j + 1 < command.length() && "\"\\".indexOf(command.charAt(j + 1)) >= 0) {
          j++;
        }
        word.append(command.charAt(j));
        j++;
      }
      if (j == command.length()) {
        throw new IllegalArgumentException("a double quote is not closed");
      }
      return j + 1;
    }
    if (c == '\\') {
      if (i + 1 == command.length()) {
        throw new IllegalArgumentException("a backslash ends the command");
      }
      word.append(command.charAt(i + 1));
      return i + 2;
    }
    if (REFUSED.indexOf(c) >= 0) {
      throw new IllegalArgumentException("an unquoted '" + c + "' (quote it)");
    }
    word.append(c);
    return i + 1;
  }

  /** {@code word} as an example shows it: bare when safe, else in single quotes. */
  static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,^-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}

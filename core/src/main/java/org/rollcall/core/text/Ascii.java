package org.rollcall.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Character tests done with loops. A short run's start-up pays for every regular expression it
 * compiles ({@code String.matches} compiles one per call), so the hot path tests plain shapes this
 * way.
 */
public final class Ascii {
  private Ascii() {}

  /**
   * Whether {@code text} is {@code min} to {@code max} ASCII digits: what the regular expression
   * {@code \d{min,max}} matches (Java's {@code \d} is ASCII unless asked otherwise).
   */
  public static boolean isDigits(String text, int min, int max) {
    if (text.length() < min || text.length() > max) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code text} is ASCII digits with an optional fraction of ASCII digits: what the
   * regular expression {@code [0-9]+(\.[0-9]+)?} matches (no sign, exponent, "NaN" or "Infinity",
   * which Double.parseDouble takes).
   */
  public static boolean isDecimal(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return isDigits(text, 1, Integer.MAX_VALUE);
    }
    return isDigits(text.substring(0, dot), 1, Integer.MAX_VALUE)
        && isDigits(text.substring(dot + 1), 1, Integer.MAX_VALUE);
  }

  /**
   * The words of {@code text} between runs of ASCII white space (space, tab, line feed, vertical
   * tab, form feed, carriage return): what splitting the stripped text at the regular expression
   * {@code \s+} gives, except that blank text has no words.
   */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || isSpace(text.charAt(i));
      if (space && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}

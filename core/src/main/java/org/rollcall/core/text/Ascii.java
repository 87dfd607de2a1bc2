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

  /** Whether {@code c} is an ASCII digit. */
  public static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** Whether {@code c} is an ASCII letter. */
  public static boolean isLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Whether {@code c} may be in a plain name: an ASCII letter or digit, {@code _ . -}. */
  public static boolean isNameChar(int c) {
    return isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-';
  }

  /**
   * Whether {@code text} is one or more {@link #isNameChar} characters: {@code [A-Za-z0-9_.-]+}.
   */
  public static boolean isName(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isNameChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code value} (0 or more) in {@code radix} with lower-case letters, zero-padded to {@code
   * width} digits: {@code String.format("%0<width>x")} (or {@code o}) without a Formatter.
   */
  public static String padded(long value, int radix, int width) {
    String digits = Long.toString(value, radix);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}

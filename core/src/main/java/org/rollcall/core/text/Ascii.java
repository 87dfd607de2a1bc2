package org.rollcall.core.text;

/**
 * Character tests done with loops. A short run's start-up pays for every regular expression it compiles
 * ({@code String.matches} compiles one per call), so the hot path tests plain shapes this way.
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
}

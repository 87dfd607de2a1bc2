package org.rollcall.monitors;

import org.rollcall.core.text.Ascii;

/**
 * The pieces state files are written in, parsed strictly: a state decides what passes, so a file
 * that is not exactly what a monitor writes is refused, never read leniently.
 */
public final class StateText {
  private StateText() {}

  /**
   * The unsigned decimals of {@code line} between single spaces, one per entry of {@code maxDigits}
   * and each at most that many digits; a first field (a PID) below 2^31 and the others below 2^63;
   * null for anything else (a negative count would turn into a false alarm or hide a process).
   */
  public static long[] numbers(String line, int[] maxDigits) {
    long[] fields = new long[maxDigits.length];
    int at = 0;
    for (int field = 0; field < fields.length; field++) {
      if (field > 0) {
        if (at >= line.length() || line.charAt(at) != ' ') {
          return null;
        }
        at++;
      }
      int start = at;
      while (at < line.length() && Ascii.isDigit(line.charAt(at))) {
        at++;
      }
      if (at == start || at - start > maxDigits[field]) {
        return null;
      }
      try {
        fields[field] = Long.parseLong(line, start, at, 10);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return at == line.length() && fields[0] <= Integer.MAX_VALUE ? fields : null;
  }

  /**
   * What follows {@code key} on {@code line} (line {@code number} of the file); throws
   * IllegalArgumentException naming the line when it does not start with it.
   */
  public static String value(String line, String key, int number) {
    if (!line.startsWith(key)) {
      throw new IllegalArgumentException(
          "line " + number + " does not start with '" + key.trim() + "'");
    }
    return line.substring(key.length());
  }

  /**
   * {@code text} (on line {@code number}) as the decimal a state writes, such as an uptime: digits
   * with an optional fraction. Only that: "-1e9" or "-Infinity" would stretch a window or hide a
   * process. Throws IllegalArgumentException naming the line and {@code what}.
   */
  public static double decimal(String text, String what, int number) {
    if (!Ascii.isDecimal(text) || !Double.isFinite(Double.parseDouble(text))) {
      throw new IllegalArgumentException("line " + number + ": the " + what + " is not a number");
    }
    return Double.parseDouble(text);
  }
}

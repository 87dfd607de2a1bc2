package org.rollcall.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as rollcall prints them, without a Formatter (whose first use costs a short run its
 * locale's resource bundles and the method handles they bring): with a fixed count of decimals, as
 * {@code String.format(Locale.ROOT, "%.Nf", value)} writes them (half up, from the shortest decimal
 * that reads back as the same double), or as plainly as they can be written.
 */
public final class Decimals {
  private Decimals() {}

  /**
   * A number without a trailing ".0" when it is whole, and never in exponent form (a response time
   * of 0.00012 s must not print as 1.2E-4, which Nagios perfdata parsers reject).
   */
  public static String plain(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * {@code value} with {@code places} decimals (0 for none), as {@code %.<places>f} in Locale.ROOT.
   */
  public static String fixed(double value, int places) {
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%." + places + "f", value);
    }
    String text = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    // %f keeps the sign of a negative value that rounds to zero ("-0.0"); BigDecimal has no
    // negative zero.
    return value < 0 || (value == 0 && 1 / value < 0) ? negativeZero(text) : text;
  }

  private static String negativeZero(String text) {
    return text.startsWith("-") ? text : "-" + text;
  }
}

package org.rollcall.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers with a fixed count of decimals, as {@code String.format(Locale.ROOT, "%.Nf", value)}
 * writes them. A Formatter's first use costs a short run its locale's resource bundles and the
 * method handles they bring; this rounds the same way (half up, from the shortest decimal that
 * reads back as the same double) without one.
 */
public final class Decimals {
  private Decimals() {}

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

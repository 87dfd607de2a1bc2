package org.rollcall.core.match;

import org.rollcall.core.cli.UsageException;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.Decimals;

/**
 * How a quantity's limit is written and its value shown: sizes in KiB (a bare number, as
 * check_procs takes -r and -z, or with K, M, G, T, 1024-based), counts, durations in seconds (a
 * bare number, or with s, m, h, d) and percentages (with or without {@code %}).
 */
enum Scale {
  SIZE("a size such as 512M or 2G (K, M, G, T are 1024-based; a bare number is KiB)"),
  COUNT("a whole number of 0 or more"),
  DURATION("a duration such as 90s, 5m, 2h or 3d (a bare number is seconds)"),
  PERCENT("a percentage such as 50 or 12.5%");

  private static final String SIZE_SUFFIXES = "KMGT";
  private static final String DURATION_SUFFIXES = "smhd";
  private static final double[] SECONDS = {1, 60, 3600, 86_400};

  private final String expected;

  Scale(String expected) {
    this.expected = expected;
  }

  /** {@code value} in this scale's unit (KiB, seconds, percent); {@code term} names the error. */
  double parse(String value, String term) {
    double parsed =
        switch (this) {
          case SIZE -> suffixed(value, SIZE_SUFFIXES, false);
          case COUNT -> Ascii.isDigits(value, 1, 9) ? Integer.parseInt(value) : -1;
          case DURATION -> suffixed(value, DURATION_SUFFIXES, true);
          case PERCENT ->
              decimal(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
        };
    if (parsed < 0 || !Double.isFinite(parsed)) {
      throw new UsageException("term '" + term + "' expects " + expected);
    }
    return parsed;
  }

  /**
   * A decimal with an optional suffix from {@code suffixes}, each 1024 times the one before (sizes,
   * KiB first) or counted in {@link #SECONDS}; -1 when it is not one.
   */
  private static double suffixed(String value, String suffixes, boolean seconds) {
    if (value.isEmpty()) {
      return -1;
    }
    char last = value.charAt(value.length() - 1);
    int suffix = suffixes.indexOf(seconds ? last : Character.toUpperCase(last));
    if (suffix < 0) {
      return decimal(value);
    }
    double number = decimal(value.substring(0, value.length() - 1));
    return number < 0 ? -1 : number * (seconds ? SECONDS[suffix] : Math.pow(1024, suffix));
  }

  private static double decimal(String text) {
    return Ascii.isDecimal(text) ? Double.parseDouble(text) : -1;
  }

  /** A value for a person: {@code 2.3 GiB}, {@code 312}, {@code 2h 5m}, {@code 12.5%}. */
  String format(double value) {
    return switch (this) {
      case SIZE -> size(value);
      case COUNT -> Decimals.plain(value);
      case DURATION -> duration(value);
      case PERCENT -> Decimals.fixed(value, 1) + "%";
    };
  }

  /** KiB in the largest 1024-based unit it fills: one decimal below 10 of it, none above. */
  static String size(double kib) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    double value = kib;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return Decimals.fixed(value, value < 10 && unit > 0 ? 1 : 0) + " " + units[unit];
  }

  /** Seconds as the two largest units it fills: {@code 3d 4h}, {@code 5m 12s}, {@code 42s}. */
  static String duration(double seconds) {
    long whole = (long) seconds;
    long[] parts = {whole / 86_400, whole / 3600 % 24, whole / 60 % 60, whole % 60};
    String[] units = {"d", "h", "m", "s"};
    int first = 0;
    while (first < 3 && parts[first] == 0) {
      first++;
    }
    String text = parts[first] + units[first];
    return first < 3 && parts[first + 1] > 0
        ? text + " " + parts[first + 1] + units[first + 1]
        : text;
  }
}

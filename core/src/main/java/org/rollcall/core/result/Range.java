package org.rollcall.core.result;

import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.Decimals;

/**
 * A range of acceptable values: a value alerts when it lies outside {@code [start, end]}, or inside
 * it when the range is inverted (Nagios {@code @}). Parses etbemon's {@code min-max} (either end
 * optional) and the Nagios threshold syntax ({@code 10}, {@code 10:}, {@code ~:10}, {@code 10:20},
 * {@code @10:20}).
 */
public final class Range {

  private final double start;
  private final double end;
  private final boolean inverted;

  private Range(double start, double end, boolean inverted) {
    if (start > end) {
      throw new IllegalArgumentException(
          "range start "
              + Decimals.plain(start)
              + " is greater than its end "
              + Decimals.plain(end));
    }
    // -0 and 0 are one bound: without this, equal ranges ("-0" and "0") would have different hash
    // codes.
    this.start = start + 0.0;
    this.end = end + 0.0;
    this.inverted = inverted;
  }

  /** A range accepting {@code min..max}; either may be infinite. */
  public static Range between(double min, double max) {
    return new Range(min, max, false);
  }

  /**
   * etbemon's {@code [min]-[max]}: {@code 1-} at least one, {@code -5} at most five, {@code 1-1}
   * exactly one, {@code 0-0} none. Unlike etbemon, 0 is a real bound.
   */
  public static Range parseEtbemon(String text) {
    int dash = text.indexOf('-');
    String low = dash < 0 ? "" : text.substring(0, dash);
    String high = dash < 0 ? "" : text.substring(dash + 1);
    if (dash < 0
        || !Ascii.isDigits(low, 0, Integer.MAX_VALUE)
        || !Ascii.isDigits(high, 0, Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a count range MIN-MAX (like 1-, -5, 1-1, 0-0)");
    }
    if (low.isEmpty() && high.isEmpty()) {
      throw new IllegalArgumentException(
          "range '-' needs a minimum, a maximum or both (like 1-, -5, 1-1)");
    }
    double min = low.isEmpty() ? 0 : parseCount(low, text);
    double max = high.isEmpty() ? Double.POSITIVE_INFINITY : parseCount(high, text);
    return new Range(min, max, false);
  }

  /**
   * The Nagios threshold syntax of the monitoring-plugins guidelines: {@code [@][[START]:][END]},
   * START a number or {@code ~}, END a number, a number {@code [-+]DIGITS[.DIGITS]} (ASCII digits),
   * and at least one of START and END written. Read by hand, not by a regular expression: a plain
   * run of check_rollcall_procs parses two of them, and a regular expression's first use costs a
   * cold run more than the rest of its parsing.
   */
  public static Range parseNagios(String text) {
    boolean inverted = text.startsWith("@");
    String rest = inverted ? text.substring(1) : text;
    int colon = rest.indexOf(':');
    String low = colon < 0 ? null : rest.substring(0, colon);
    String high = colon < 0 ? rest : rest.substring(colon + 1);
    boolean lowWritten = low != null && !low.isEmpty();
    if ((lowWritten && !low.equals("~") && !isNumber(low))
        || (!high.isEmpty() && !isNumber(high))
        || (!lowWritten && high.isEmpty())) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Nagios range (like 10, 10:, ~:10, 10:20, @10:20)");
    }
    double start =
        !lowWritten ? 0 : low.equals("~") ? Double.NEGATIVE_INFINITY : parseBound(low, text);
    double end = high.isEmpty() ? Double.POSITIVE_INFINITY : parseBound(high, text);
    return new Range(start, end, inverted);
  }

  /** Whether {@code text} is {@code [-+]DIGITS[.DIGITS]}, the numbers a Nagios range holds. */
  private static boolean isNumber(String text) {
    boolean signed = text.startsWith("-") || text.startsWith("+");
    return Ascii.isDecimal(signed ? text.substring(1) : text);
  }

  /** A written bound is finite: 400 digits must be refused, not read as "no bound". */
  private static double parseBound(String number, String text) {
    double value = Double.parseDouble(number);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("bound '" + number + "' in '" + text + "' is too large");
    }
    return value;
  }

  private static double parseCount(String digits, String text) {
    int significant = 0;
    while (significant < digits.length() - 1 && digits.charAt(significant) == '0') {
      significant++;
    }
    if (digits.length() - significant > 9) {
      throw new IllegalArgumentException("count '" + digits + "' in '" + text + "' is too large");
    }
    return Integer.parseInt(digits);
  }

  /** Whether {@code value} should raise an alert. */
  public boolean alerts(double value) {
    boolean inside = value >= start && value <= end;
    return inverted == inside;
  }

  /**
   * Whether every value from {@code low} to {@code high} is accepted (used when a count is only
   * known to lie there).
   */
  public boolean acceptsAll(double low, double high) {
    if (inverted) {
      return high < start || low > end;
    }
    return low >= start && high <= end;
  }

  /** Whether every value from {@code low} to {@code high} alerts. */
  public boolean alertsAll(double low, double high) {
    if (inverted) {
      return low >= start && high <= end;
    }
    return high < start || low > end;
  }

  public double start() {
    return start;
  }

  public double end() {
    return end;
  }

  /** Whether the range alerts inside {@code start..end} (Nagios {@code @}) rather than outside. */
  public boolean inverted() {
    return inverted;
  }

  /** The range in words, for a person: "at least 1", "exactly 1", "none", "between 1 and 5". */
  public String describe() {
    String words;
    if (start == end) {
      words = start == 0 ? "none" : "exactly " + Decimals.plain(start);
    } else if (end == Double.POSITIVE_INFINITY) {
      words = start == Double.NEGATIVE_INFINITY ? "any value" : "at least " + Decimals.plain(start);
    } else if (start == Double.NEGATIVE_INFINITY || start == 0) {
      words = "at most " + Decimals.plain(end);
    } else {
      words = "between " + Decimals.plain(start) + " and " + Decimals.plain(end);
    }
    return inverted ? "not " + words : words;
  }

  /** The range in Nagios syntax, as perfdata warn/crit fields carry it. */
  public String toNagios() {
    String low =
        start == Double.NEGATIVE_INFINITY ? "~:" : start == 0 ? "" : Decimals.plain(start) + ":";
    String high = end == Double.POSITIVE_INFINITY ? "" : Decimals.plain(end);
    String text = low + high;
    if (text.isEmpty()) {
      text = "0:";
    }
    return inverted ? "@" + text : text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Range r && r.start == start && r.end == end && r.inverted == inverted;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(start) * 31 + Double.hashCode(end) + (inverted ? 1 : 0);
  }

  @Override
  public String toString() {
    return toNagios();
  }
}

package org.rollcall.core.result;

import org.rollcall.core.text.Decimals;

/**
 * One performance value as the Nagios plugin guidelines define it: {@code
 * 'label'=value[UOM];[warn];[crit];[min];[max]}.
 *
 * @param uom one of "", s, ms, us, %, B, KB, MB, TB, c
 */
public record Perfdata(
    String label, double value, String uom, Range warn, Range crit, Double min, Double max) {

  /** A plain count (UOM none) with a critical range and a minimum of 0. */
  public static Perfdata count(String label, long value, Range crit) {
    return new Perfdata(label, value, "", null, crit, 0.0, null);
  }

  /**
   * The guidelines' text form; the label is quoted when needed and made free of {@code =} and
   * {@code '}.
   */
  public String render() {
    StringBuilder out =
        new StringBuilder(quote(label)).append('=').append(Decimals.plain(value)).append(uom);
    out.append(';').append(warn == null ? "" : warn.toNagios());
    out.append(';').append(crit == null ? "" : crit.toNagios());
    out.append(';').append(min == null ? "" : Decimals.plain(min));
    out.append(';').append(max == null ? "" : Decimals.plain(max));
    return trimSemicolons(out);
  }

  private static String quote(String label) {
    StringBuilder clean = new StringBuilder(label.length());
    boolean needsQuotes = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      // Control characters stay for the renderer to escape (\n, \t): made '_', two names became one
      // label.
      if (c == '=' || c == '\'' || c == '|') {
        c = '_';
      }
      needsQuotes |= c == ' ' || c == ';';
      clean.append(c);
    }
    return needsQuotes ? "'" + clean + "'" : clean.toString();
  }

  private static String trimSemicolons(StringBuilder out) {
    int end = out.length();
    while (out.charAt(end - 1) == ';') {
      end--;
    }
    return out.substring(0, end);
  }
}

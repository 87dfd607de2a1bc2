package org.rollcall.core.result;

import java.util.List;
import org.rollcall.core.text.SafeText;
import org.rollcall.core.text.Utf8;

/**
 * The capped summary both contracts print on line 1. mon keeps line 1 as the summary it shows and
 * mails as a subject, and NRPE's packets carry 1,024 bytes: thousands of failing items must not
 * make it kilobytes long. The detail lines, which keep every item, are not capped.
 */
final class SummaryLine {
  /** At most this many bytes (UTF-8, escaped) of failing items or of an all-is-well line. */
  static final int MAX_BYTES = 500;

  private SummaryLine() {}

  /**
   * The failing items' tokens, escaped and separated by spaces, as many as fit in {@link
   * #MAX_BYTES}, then {@code ... and N more}; a first token longer than that alone is cut and ends
   * in {@code ...}.
   *
   * @param pipeFree whether {@code |} must become {@code /} (in Nagios text it would start
   *     perfdata)
   */
  static String tokens(List<Finding> failures, boolean pipeFree) {
    StringBuilder line = new StringBuilder();
    int bytes = 0;
    int shown = 0;
    for (Finding failure : failures) {
      String token = escape(failure.token(), pipeFree);
      int added = Utf8.length(token) + (shown == 0 ? 0 : 1);
      if (bytes + added > MAX_BYTES) {
        if (shown == 0) {
          line.append(Utf8.prefix(token, MAX_BYTES)).append("...");
          shown = 1;
        }
        break;
      }
      line.append(shown == 0 ? "" : " ").append(token);
      bytes += added;
      shown++;
    }
    if (shown < failures.size()) {
      line.append(" ... and ").append(failures.size() - shown).append(" more");
    }
    return line.toString();
  }

  /**
   * {@code text} escaped, cut after its last space within {@link #MAX_BYTES} and ended with {@code
   * ...}.
   */
  static String text(String text, boolean pipeFree) {
    String escaped = escape(text, pipeFree);
    if (Utf8.length(escaped) <= MAX_BYTES) {
      return escaped;
    }
    String start = Utf8.prefix(escaped, MAX_BYTES);
    int space = start.lastIndexOf(' ');
    return (space > 0 ? start.substring(0, space) : start) + " ...";
  }

  static String escape(String text, boolean pipeFree) {
    String escaped = SafeText.escape(text);
    return pipeFree ? escaped.replace('|', '/') : escaped;
  }
}

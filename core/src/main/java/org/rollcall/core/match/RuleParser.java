package org.rollcall.core.match;

import org.rollcall.core.cli.UsageException;
import org.rollcall.core.result.Range;

/**
 * Parses {@code MATCH:[MIN]-[MAX]}, taking the range after the LAST colon so MATCH may hold colons
 * (SELinux labels). An argument that is not a rule is most often a host name mon appended: the
 * error says how to stop that.
 */
public final class RuleParser {
  private static final String MON_HINT =
      "; if mon appended host names, end the monitor line with ';;'";

  private final MatchParser matches;

  public RuleParser(MatchParser matches) {
    this.matches = matches;
  }

  public Rule parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new UsageException("'" + text + "' is not a rule MATCH:MIN-MAX" + MON_HINT);
    }
    Range range;
    try {
      range = Range.parseEtbemon(text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "'" + text + "' is not a rule MATCH:MIN-MAX: " + e.getMessage() + MON_HINT);
    }
    return new Rule(text, matches.parse(text.substring(0, colon)), range);
  }
}

package org.rollcall.core.match;

import java.util.List;
import java.util.Map;
import org.rollcall.core.result.Range;
import org.rollcall.core.result.Status;

/**
 * How many processes one rule counted. The true count lies between {@link #low()} and {@link
 * #high()}: processes whose fields could not be read, or that the scan could not see, may or may
 * not match. A rule is OK only when every count in that interval is in range, CRITICAL when every
 * one is out of it, and UNKNOWN otherwise: an undecidable rule never reads as a false OK.
 *
 * @param matched PIDs that match
 * @param undecided PIDs that might match
 * @param undecidedReason why the first undecided process could not be decided, or null
 * @param unseen processes the scan listed but could not read, or -1 when an unknown number may be
 *     hidden
 * @param measures what the rule's comparisons measured of each matched PID ({@code rss 2.3 GiB}),
 *     empty for a rule without comparisons
 */
public record RuleCount(
    Rule rule,
    List<Integer> matched,
    List<Integer> undecided,
    String undecidedReason,
    int unseen,
    Map<Integer, String> measures) {

  public RuleCount {
    matched = List.copyOf(matched);
    undecided = List.copyOf(undecided);
    measures = Map.copyOf(measures);
  }

  /** A count whose rule measures nothing. */
  public RuleCount(
      Rule rule,
      List<Integer> matched,
      List<Integer> undecided,
      String undecidedReason,
      int unseen) {
    this(rule, matched, undecided, undecidedReason, unseen, Map.of());
  }

  public int low() {
    return matched.size();
  }

  public double high() {
    return unseen < 0 ? Double.POSITIVE_INFINITY : matched.size() + undecided.size() + unseen;
  }

  public boolean isExact() {
    return high() == low();
  }

  public Status status() {
    Range range = rule.range();
    if (range.acceptsAll(low(), high())) {
      return Status.OK;
    }
    return range.alertsAll(low(), high()) ? Status.CRITICAL : Status.UNKNOWN;
  }
}

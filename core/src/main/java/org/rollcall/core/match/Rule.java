package org.rollcall.core.match;

import org.rollcall.core.result.Range;

/** A ps.monitor rule {@code MATCH:[MIN]-[MAX]}: which processes, and how many of them may run. */
public record Rule(String text, ProcessMatch match, Range range) {

  /** The MATCH part as written, which names the rule on mon's summary line. */
  public String matchText() {
    return match.text();
  }
}

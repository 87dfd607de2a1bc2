package org.rollcall.monitors.discover;

/**
 * One proposed rule before it is checked: its MATCH, the range it is meant to hold with, and why,
 * for the comment line above it.
 *
 * @param match the MATCH, as ps.monitor parses it
 * @param range the etbemon range, {@code 1-1}, {@code 1-} or {@code 0-0}
 * @param why what was seen, for the comment: roles, pids, executable, user, unit and counts
 * @param fallback a looser rule to try when this one does not hold now, or null
 */
record Proposal(String match, String range, String why, Proposal fallback) {

  Proposal(String match, String range, String why) {
    this(match, range, why, null);
  }

  String rule() {
    return match + ":" + range;
  }
}

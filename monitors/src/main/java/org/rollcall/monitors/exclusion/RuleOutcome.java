package org.rollcall.monitors.exclusion;

import java.util.List;

/**
 * What one exclusion rule found in a scan.
 *
 * @param rule the rule
 * @param offenders the processes that break it, in PID order, with what it found
 * @param kept for a single-domain rule, the process taken as the domain's legitimate one (the
 *     earliest started), else null
 * @param undecided PIDs the rule could not be decided for
 * @param undecidedReason why, for the first of them, or null
 * @param unavailable why the rule could not be checked at all (no SELinux labels), or null
 * @param unseen why some processes could not be checked at all (hidepid, unreadable stat), or null
 */
record RuleOutcome(
    ExclusionRule rule,
    List<Breach> offenders,
    Offender kept,
    List<Integer> undecided,
    String undecidedReason,
    String unavailable,
    String unseen) {

  static RuleOutcome unavailable(ExclusionRule rule, String reason) {
    return new RuleOutcome(rule, List.of(), null, List.of(), null, reason, null);
  }

  /** How many processes the rule selected, the kept one included. */
  int selected() {
    return offenders.size() + (kept == null ? 0 : 1);
  }

  /**
   * A single-domain rule with no process in its domain, and none undecided or unseen that could be
   * it.
   */
  boolean missingSingle() {
    return rule.allowed() == 1
        && kept == null
        && undecided.isEmpty()
        && unavailable == null
        && unseen == null;
  }
}

package org.rollcall.monitors.exclusion;

import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.ProcessEntry;

/**
 * One exclusion rule of exclusion.monitor: which processes it selects, and how many of them may
 * exist (none, or exactly one for {@code --single-domain}).
 *
 * @param name the rule's word on the summary line: {@code gid0}, {@code stale}, {@code caps}, or
 *     the SELinux type of a domain rule
 * @param option the option that asked for it, as a person would type it
 * @param allowed how many selected processes may run: 0, or 1 for a single domain (which then must
 *     have one)
 * @param domain the SELinux type a domain rule selects, or null for the other rules
 * @param judge how it judges one process
 */
record ExclusionRule(String name, String option, int allowed, String domain, Judge judge) {

  static ExclusionRule gid0(boolean supplementary) {
    return new ExclusionRule(
        "gid0",
        supplementary ? "--gid0" : "--gid0 --ignore-supplementary",
        0,
        null,
        new GroupZero(supplementary));
  }

  static ExclusionRule singleDomain(String type) {
    return new ExclusionRule(type, "--single-domain " + type, 1, type, new InDomain(type, false));
  }

  static ExclusionRule forbidDomain(String type) {
    return new ExclusionRule(type, "--forbid-domain " + type, 0, type, new InDomain(type, true));
  }

  static ExclusionRule staleCode() {
    return new ExclusionRule("stale", "--stale-code", 0, null, new RunsStaleCode());
  }

  /**
   * @param allowed the capabilities exempted everywhere, as a mask
   * @param option the option as given, with its {@code --allow-cap}s
   */
  static ExclusionRule caps(long allowed, String option) {
    return new ExclusionRule("caps", option, 0, null, new KeepsCapabilities(allowed));
  }

  boolean needsSelinux() {
    return domain != null;
  }

  /** Whether the rule selects {@code process}; undecided when the field it needs cannot be read. */
  Verdict test(ProcessEntry process) {
    return judge.test(process);
  }
}

package org.rollcall.monitors.exclusion;

import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;
import org.rollcall.core.proc.SecurityLabel;

/**
 * One exclusion rule of exclusion.monitor: which processes it selects, and how many of them may
 * exist (none, or exactly one for {@code --single-domain}).
 *
 * @param name the rule's word on the summary line: {@code gid0}, or the SELinux type of a domain
 *     rule
 * @param option the option that asked for it, as a person would type it
 * @param allowed how many selected processes may run: 0, or 1 for a single domain (which then must
 *     have one)
 * @param domain the SELinux type a domain rule selects, or null for the gid0 rule
 * @param supplementary whether the gid0 rule also looks at supplementary groups
 */
record ExclusionRule(
    String name, String option, int allowed, String domain, boolean supplementary) {

  static ExclusionRule gid0(boolean supplementary) {
    return new ExclusionRule(
        "gid0", supplementary ? "--gid0" : "--gid0 --ignore-supplementary", 0, null, supplementary);
  }

  static ExclusionRule singleDomain(String type) {
    return new ExclusionRule(type, "--single-domain " + type, 1, type, false);
  }

  static ExclusionRule forbidDomain(String type) {
    return new ExclusionRule(type, "--forbid-domain " + type, 0, type, false);
  }

  boolean needsSelinux() {
    return domain != null;
  }

  /** Whether the rule selects {@code process}; undecided when the field it needs cannot be read. */
  Verdict test(ProcessEntry process) {
    return domain == null ? holdsGroupZero(process) : inDomain(process);
  }

  /** What a selected process is doing wrong, in words. */
  String offence() {
    if (domain == null) {
      return "holds group 0 without user 0";
    }
    return allowed == 0
        ? "runs in forbidden SELinux domain " + domain
        : "runs in SELinux domain " + domain;
  }

  /**
   * setuid() before setgid(): a GID slot (or a supplementary group) still 0 while no UID slot is.
   */
  private Verdict holdsGroupZero(ProcessEntry process) {
    Field<Credentials> field = process.credentials();
    if (!field.isPresent()) {
      return Verdict.unknown(field.whyAbsent());
    }
    return Verdict.of(field.value().keepsRootGroup(supplementary));
  }

  private Verdict inDomain(ProcessEntry process) {
    Field<SecurityLabel> label = process.label();
    if (!label.isPresent()) {
      return Verdict.unknown(label.whyAbsent());
    }
    return Verdict.of(label.value().isSelinux() && label.value().type().equals(domain));
  }
}

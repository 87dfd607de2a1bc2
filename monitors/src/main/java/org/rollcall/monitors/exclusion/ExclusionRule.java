package org.rollcall.monitors.exclusion;

import java.util.List;
import org.rollcall.core.cli.UsageException;
import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.Capabilities;
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
   * @param allowedCaps the capabilities {@code --allow-cap} exempts everywhere, by name or number
   */
  static ExclusionRule caps(List<String> allowedCaps) {
    long allowed = 0;
    StringBuilder option = new StringBuilder("--caps");
    for (String name : allowedCaps) {
      int bit = Capabilities.bit(name);
      if (bit < 0) {
        throw new UsageException(
            "'" + name + "' is not a capability (like cap_net_bind_service, or its number)");
      }
      allowed |= 1L << bit;
      option.append(" --allow-cap ").append(name);
    }
    return new ExclusionRule("caps", option.toString(), 0, null, new KeepsCapabilities(allowed));
  }

  boolean needsSelinux() {
    return domain != null;
  }

  /** Whether the rule selects {@code process}; undecided when the field it needs cannot be read. */
  Verdict test(ProcessEntry process) {
    return judge.test(process);
  }
}

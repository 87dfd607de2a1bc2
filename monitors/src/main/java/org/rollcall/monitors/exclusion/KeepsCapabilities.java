package org.rollcall.monitors.exclusion;

import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.Capabilities;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code --caps}: a process that switched away from root in all four UIDs but kept effective
 * capabilities (most of root's power: the capability-era twin of keeping group 0), or ambient ones,
 * which every program it runs receives as effective.
 */
final class KeepsCapabilities implements Judge {
  private final long allowed;

  /**
   * @param allowed the capabilities {@code --allow-cap} exempts everywhere, as a mask
   */
  KeepsCapabilities(long allowed) {
    this.allowed = allowed;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<Credentials> ids = process.credentials();
    if (!ids.isPresent()) {
      return Verdict.unknown(ids.whyAbsent());
    }
    // Root's processes hold capabilities by design: their status is not read again.
    if (ids.value().holdsRootUser()) {
      return Verdict.NO;
    }
    Field<Capabilities> caps = process.capabilities();
    if (!caps.isPresent()) {
      return Verdict.unknown(caps.whyAbsent());
    }
    return Verdict.of(((caps.value().effective() | caps.value().ambient()) & ~allowed) != 0);
  }

  @Override
  public String offence(ProcessEntry process) {
    Capabilities caps = process.capabilities().value();
    long effective = caps.effective() & ~allowed;
    long ambient = caps.ambient() & ~allowed;
    String given = " (given to every program it runs)";
    if (effective == 0) {
      return "keeps ambient " + Capabilities.names(ambient) + " without user 0" + given;
    }
    return "holds "
        + Capabilities.names(effective)
        + " without user 0"
        + (ambient == 0 ? "" : ", ambient " + Capabilities.names(ambient) + given);
  }
}

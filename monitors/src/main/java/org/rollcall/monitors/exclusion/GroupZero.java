package org.rollcall.monitors.exclusion;

import org.rollcall.core.match.Verdict;
import org.rollcall.core.proc.Credentials;
import org.rollcall.core.proc.Field;
import org.rollcall.core.proc.ProcessEntry;

/**
 * {@code --gid0}: setuid() before setgid(), a GID slot (or a supplementary group) still 0 while no
 * UID slot is.
 */
final class GroupZero implements Judge {
  private final boolean supplementary;

  /**
   * @param supplementary whether supplementary groups count too
   */
  GroupZero(boolean supplementary) {
    this.supplementary = supplementary;
  }

  @Override
  public Verdict test(ProcessEntry process) {
    Field<Credentials> field = process.credentials();
    if (!field.isPresent()) {
      return Verdict.unknown(field.whyAbsent());
    }
    return Verdict.of(field.value().keepsRootGroup(supplementary));
  }

  @Override
  public String offence(ProcessEntry process) {
    return "holds group 0 without user 0";
  }
}

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
    Credentials ids = field.value();
    if (holdsRoot(ids)) {
      return Verdict.NO;
    }
    return Verdict.of(contains(ids.gids(), 0) || (supplementary && contains(ids.groups(), 0)));
  }

  @Override
  public String offence(ProcessEntry process) {
    return "holds group 0 without user 0";
  }

  /** Whether any of the four UIDs is root's. */
  static boolean holdsRoot(Credentials ids) {
    return contains(ids.uids(), 0);
  }

  private static boolean contains(int[] ids, int wanted) {
    for (int id : ids) {
      if (id == wanted) {
        return true;
      }
    }
    return false;
  }
}

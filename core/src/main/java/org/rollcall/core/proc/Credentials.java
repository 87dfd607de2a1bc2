package org.rollcall.core.proc;

import java.util.Arrays;

/**
 * A process's IDs from {@code /proc/PID/status} (proc(5): "Uid, Gid: Real, effective, saved set,
 * and filesystem UIDs (GIDs)"; "Groups: Supplementary group list").
 */
public record Credentials(int[] uids, int[] gids, int[] groups) {
  public static final int REAL = 0;
  public static final int EFFECTIVE = 1;
  public static final int SAVED = 2;
  public static final int FILESYSTEM = 3;

  public Credentials {
    uids = uids.clone();
    gids = gids.clone();
    groups = groups.clone();
  }

  public int effectiveUid() {
    return uids[EFFECTIVE];
  }

  public int effectiveGid() {
    return gids[EFFECTIVE];
  }

  /**
   * Whether the process keeps root's group without root's user: a GID slot (or, when {@code
   * supplementary}, a supplementary group) still 0 while no UID slot is, the mark of setuid()
   * called before setgid().
   */
  public boolean keepsRootGroup(boolean supplementary) {
    if (holdsRootUser()) {
      return false;
    }
    return contains(gids, 0) || (supplementary && contains(groups, 0));
  }

  /** Whether any of the four UIDs is root's. */
  public boolean holdsRootUser() {
    return contains(uids, 0);
  }

  private static boolean contains(int[] ids, int wanted) {
    for (int id : ids) {
      if (id == wanted) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int[] uids() {
    return uids.clone();
  }

  @Override
  public int[] gids() {
    return gids.clone();
  }

  @Override
  public int[] groups() {
    return groups.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c
        && Arrays.equals(uids, c.uids)
        && Arrays.equals(gids, c.gids)
        && Arrays.equals(groups, c.groups);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(uids) * 961 + Arrays.hashCode(gids) * 31 + Arrays.hashCode(groups);
  }

  @Override
  public String toString() {
    return "uid "
        + join(uids)
        + " gid "
        + join(gids)
        + " groups "
        + (groups.length == 0 ? "-" : join(groups));
  }

  private static String join(int[] ids) {
    StringBuilder out = new StringBuilder();
    for (int id : ids) {
      out.append(out.length() == 0 ? "" : "/").append(Integer.toUnsignedString(id));
    }
    return out.toString();
  }
}

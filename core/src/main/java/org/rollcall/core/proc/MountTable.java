package org.rollcall.core.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * A mount namespace's mounts, from {@code /proc/PID/mountinfo} (proc(5)): enough to tell where on which
 * filesystem a path leads in that namespace, so a path seen in another namespace can be compared with ours.
 */
final class MountTable {
  /** One line: the mount point, the filesystem (major:minor) and the directory of it mounted there. */
  private record Mount(String mountPoint, String device, String root) {}

  private final List<Mount> mounts;

  private MountTable(List<Mount> mounts) {
    this.mounts = mounts;
  }

  /** Parses mountinfo text; lines too short to hold the fields are skipped. */
  static MountTable parse(String mountinfo) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length >= 5) {
        mounts.add(new Mount(unescape(fields[4]), fields[2], unescape(fields[3])));
      }
    }
    return new MountTable(mounts);
  }

  /**
   * Where {@code path} leads: {@code major:minor} and the path within that filesystem, by the mount whose mount
   * point is the longest prefix of it (the later of two on one mount point, which covers the earlier); null when
   * no mount covers it.
   */
  String locate(String path) {
    Mount best = null;
    for (Mount mount : mounts) {
      if (covers(mount.mountPoint(), path)
          && (best == null || mount.mountPoint().length() >= best.mountPoint().length())) {
        best = mount;
      }
    }
    if (best == null) {
      return null;
    }
    String rest = path.substring(best.mountPoint().equals("/") ? 0 : best.mountPoint().length());
    return best.device() + ":" + (best.root().equals("/") ? rest : best.root() + rest);
  }

  private static boolean covers(String mountPoint, String path) {
    return mountPoint.equals("/") || path.equals(mountPoint) || path.startsWith(mountPoint + "/");
  }

  /** mountinfo writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package org.rollcall.core.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mount namespace's mounts, from {@code /proc/PID/mountinfo} (proc(5)): enough to tell where on
 * which filesystem a path leads in that namespace, so a path seen in another namespace can be
 * compared with ours.
 */
final class MountTable {
  /**
   * One line: the mount point, the filesystem (major:minor), the directory of it mounted there, and
   * after the {@code -} separator the filesystem type and its super-block options ("" when the line
   * lacks them).
   */
  private record Mount(
      String mountPoint, String device, String root, String type, String superOptions) {}

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
        int separator = List.of(fields).indexOf("-");
        boolean described = separator >= 0 && fields.length >= separator + 4;
        mounts.add(
            new Mount(
                unescape(fields[4]),
                fields[2],
                unescape(fields[3]),
                described ? fields[separator + 1] : "",
                described ? fields[separator + 3] : ""));
      }
    }
    return new MountTable(mounts);
  }

  /**
   * Where {@code path} leads: {@code major:minor} and the path within that filesystem, by the mount
   * whose mount point is the longest prefix of it (the later of two on one mount point, which
   * covers the earlier); null when no mount covers it.
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

  /**
   * The super-block options ({@code hidepid=invisible}, {@code gid=27}) of the last mount of
   * filesystem type {@code type} at {@code mountPoint} (the one on top), an option without a value
   * mapped to ""; null when none is mounted there.
   */
  Map<String, String> superOptions(String mountPoint, String type) {
    Map<String, String> found = null;
    for (Mount mount : mounts) {
      if (mount.mountPoint().equals(mountPoint) && mount.type().equals(type)) {
        found = new HashMap<>();
        for (String option : mount.superOptions().split(",")) {
          int equals = option.indexOf('=');
          found.put(
              equals < 0 ? option : option.substring(0, equals),
              equals < 0 ? "" : option.substring(equals + 1));
        }
      }
    }
    return found;
  }

  /**
   * Where systemd's cgroup hierarchy is mounted whole (its root at the mount point): the v1 {@code
   * name=systemd} hierarchy where there is one, as {@link ControlGroup} prefers it, else cgroup v2;
   * null when neither is.
   */
  String systemdHierarchy() {
    String unified = null;
    for (Mount mount : mounts) {
      if (!mount.root().equals("/")) {
        continue;
      }
      if (mount.type().equals("cgroup")
          && ("," + mount.superOptions() + ",").contains(",name=systemd,")) {
        return mount.mountPoint();
      }
      if (mount.type().equals("cgroup2") && unified == null) {
        unified = mount.mountPoint();
      }
    }
    return unified;
  }

  private static boolean covers(String mountPoint, String path) {
    return mountPoint.equals("/") || path.equals(mountPoint) || path.startsWith(mountPoint + "/");
  }

  /**
   * mountinfo writes space, tab, newline and backslash in paths as octal escapes ({@code \040}).
   */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

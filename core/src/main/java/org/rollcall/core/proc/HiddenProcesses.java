package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.rollcall.core.text.FileText;

/**
 * Whether the proc mount hides other users' processes from us: {@code hidepid=1} or more ({@code
 * noaccess}, {@code invisible}, {@code ptraceable}) hides from a reader the processes it may not
 * ptrace, unless it is in the mount's exempt group ({@code gid=}, group 0 when not given) or holds
 * CAP_SYS_PTRACE (proc(5), {@code has_pid_permissions()} in the kernel). Root is exempt only
 * through one of those: root in a unit that drops CAP_SYS_PTRACE and root's group does not see
 * everything.
 */
final class HiddenProcesses {
  private static final int CAP_SYS_PTRACE = 19;

  private HiddenProcesses() {}

  /**
   * Why processes may be hidden from this process under the proc mount at {@code root}, or null.
   */
  static String note(Path root) {
    try {
      String mountinfo = FileText.read(root.resolve("self/mountinfo"), StandardCharsets.ISO_8859_1);
      String status = FileText.read(root.resolve("self/status"), StandardCharsets.ISO_8859_1);
      return note(
          procMountOptions(mountinfo, root.toAbsolutePath().normalize().toString()),
          status,
          root.resolve("self/status"));
    } catch (IOException e) {
      return null;
    }
  }

  /** The note for a proc mount's options and our own {@code status} text. */
  static String note(Map<String, String> options, String status, Path statusFile) {
    String hidepid = options == null ? null : options.get("hidepid");
    if (hidepid == null || hidepid.equals("0") || hidepid.equals("off")) {
      return null;
    }
    String gid = options.getOrDefault("gid", "0");
    byte[] bytes = status.getBytes(StandardCharsets.ISO_8859_1);
    Credentials self = StatusParser.parse(bytes, bytes.length, statusFile);
    if (inGroup(self, Integer.parseUnsignedInt(gid)) || hasCapability(status, CAP_SYS_PTRACE)) {
      return null;
    }
    return "/proc is mounted with hidepid="
        + hidepid
        + (options.containsKey("gid") ? ",gid=" + gid : "")
        + ": other users' processes may be invisible";
  }

  /**
   * The hidepid option of the proc mount at {@code mountPoint} in mountinfo text, "0" for none, or
   * null.
   */
  static String hidepidOption(String mountinfo, String mountPoint) {
    Map<String, String> options = procMountOptions(mountinfo, mountPoint);
    return options == null ? null : options.getOrDefault("hidepid", "0");
  }

  /**
   * The super-block options ({@code hidepid=invisible}, {@code gid=27}) of the last proc mount at
   * {@code mountPoint} (the one on top) in mountinfo text, or null when none is mounted there.
   */
  static Map<String, String> procMountOptions(String mountinfo, String mountPoint) {
    return MountTable.parse(mountinfo).superOptions(mountPoint, "proc");
  }

  /** As the kernel's in_group_p(): the filesystem GID or a supplementary group. */
  private static boolean inGroup(Credentials credentials, int gid) {
    return credentials.gids()[Credentials.FILESYSTEM] == gid
        || Arrays.stream(credentials.groups()).anyMatch(group -> group == gid);
  }

  /** Whether the {@code CapEff:} mask of a status text has capability {@code bit}. */
  static boolean hasCapability(String status, int bit) {
    for (String line : status.split("\n")) {
      if (line.startsWith("CapEff:")) {
        return (Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16) >>> bit & 1)
            == 1;
      }
    }
    return false;
  }
}

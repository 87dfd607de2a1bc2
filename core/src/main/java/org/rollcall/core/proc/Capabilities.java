package org.rollcall.core.proc;

/**
 * A process's capability sets from {@code /proc/PID/status} (proc(5): "CapEff: Mask of capabilities
 * enabled in effective set", "CapAmb: Mask of capabilities in the ambient set"), as bit masks over
 * the numbers of {@code linux/capability.h}.
 *
 * @param effective what the kernel lets the process do now
 * @param ambient what it keeps across execve(2) of a program that is not set-user-ID or
 *     file-capable: its children inherit these as effective capabilities (0 on kernels before 4.3,
 *     which have no CapAmb line)
 */
public record Capabilities(long effective, long ambient) {
  /** The names by bit number, as capabilities(7) and libcap write them (Linux 5.9 to 6.x). */
  private static final String[] NAMES = {
    "cap_chown", "cap_dac_override", "cap_dac_read_search", "cap_fowner", "cap_fsetid",
    "cap_kill", "cap_setgid", "cap_setuid", "cap_setpcap", "cap_linux_immutable",
    "cap_net_bind_service", "cap_net_broadcast", "cap_net_admin", "cap_net_raw", "cap_ipc_lock",
    "cap_ipc_owner", "cap_sys_module", "cap_sys_rawio", "cap_sys_chroot", "cap_sys_ptrace",
    "cap_sys_pacct", "cap_sys_admin", "cap_sys_boot", "cap_sys_nice", "cap_sys_resource",
    "cap_sys_time", "cap_sys_tty_config", "cap_mknod", "cap_lease", "cap_audit_write",
    "cap_audit_control", "cap_setfcap", "cap_mac_override", "cap_mac_admin", "cap_syslog",
    "cap_wake_alarm", "cap_block_suspend", "cap_audit_read", "cap_perfmon", "cap_bpf",
    "cap_checkpoint_restore"
  };

  /**
   * The capabilities of {@code mask} by name, comma-separated in bit order, as libcap's {@code
   * capsh --decode} writes them: a bit newer than this list by its number ({@code cap_net_raw,41}),
   * so a kernel's new capability is shown, never dropped.
   */
  public static String names(long mask) {
    StringBuilder out = new StringBuilder();
    for (int bit = 0; bit < 64; bit++) {
      if ((mask & (1L << bit)) != 0) {
        out.append(out.length() == 0 ? "" : ",");
        out.append(bit < NAMES.length ? NAMES[bit] : Integer.toString(bit));
      }
    }
    return out.toString();
  }

  /**
   * The bit of a capability named as capabilities(7) does ({@code CAP_NET_RAW}), as libcap does
   * ({@code cap_net_raw}), without its prefix ({@code net_raw}), or by its number (0 to 63); -1
   * when it is none of these.
   */
  public static int bit(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    String full = lower.startsWith("cap_") ? lower : "cap_" + lower;
    for (int bit = 0; bit < NAMES.length; bit++) {
      if (NAMES[bit].equals(full)) {
        return bit;
      }
    }
    if (!name.isEmpty() && name.length() <= 2 && isDigits(name)) {
      int bit = Integer.parseInt(name);
      return bit < 64 ? bit : -1;
    }
    return -1;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

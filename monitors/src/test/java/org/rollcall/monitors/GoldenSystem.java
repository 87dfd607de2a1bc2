package org.rollcall.monitors;

import java.nio.file.Path;
import org.rollcall.core.proc.FakeProc;

/**
 * The saved system golden tests run against: a small SELinux server with the processes etbemon's
 * blog names, an impostor "master", a user's sshd, a python daemon (busy: 95% of a CPU since the
 * sample in golden/cpu.monitor), a long-named daemon, a kernel thread, a zombie, and a daemon that
 * dropped root's user but kept its group and a capability. sshd was upgraded and not restarted: its
 * listener runs a deleted binary, a session process a deleted libssl. It booted at 08:00 UTC on
 * 2026-12-07 and has been up 10000 s; every process started ten seconds after boot but the backup
 * daemon, restarted 50 s ago, which has grown to 3 GiB and 64 threads since. On cgroup v2, each
 * daemon is in its unit, alice's session in its scope, the zombie and the kernel thread in the root
 * cgroup.
 */
public final class GoldenSystem {
  /** 2026-12-07 08:00:00 UTC. */
  public static final long BOOT_TIME = 1_796_630_400L;

  private GoldenSystem() {}

  public static FakeProc build(Path root) {
    FakeProc proc = new FakeProc(root).btime(BOOT_TIME);
    proc.process(1, "systemd")
        .ppid(0)
        .cmdline("/sbin/init", "splash")
        .exe("/usr/lib/systemd/systemd")
        .label("system_u:system_r:init_t:s0")
        .cgroup("0::/init.scope")
        .openFiles(4);
    proc.process(2, "kthreadd")
        .ppid(0)
        .kernelThread()
        .memory(-1, -1)
        .label("system_u:system_r:kernel_t:s0")
        .cgroup("0::/");
    proc.process(310, "cron")
        .cmdline("/usr/sbin/cron", "-f")
        .exe("/usr/sbin/cron")
        .label("system_u:system_r:crond_t:s0-s0:c0.c1023")
        .cgroup("0::/system.slice/cron.service");
    proc.process(320, "rsyslogd")
        .ids(0, 4)
        .cmdline("/usr/sbin/rsyslogd", "-n", "-iNONE")
        .exe("/usr/sbin/rsyslogd")
        .label("system_u:system_r:syslogd_t:s0")
        .cgroup("0::/system.slice/rsyslog.service")
        .cpu(2_000, 1_000, 1000);
    proc.process(400, "sshd")
        .cmdline("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups")
        .exe("/usr/sbin/sshd (deleted)")
        .label("system_u:system_r:sshd_t:s0-s0:c0.c1023")
        .cgroup("0::/system.slice/ssh.service");
    proc.process(401, "sshd")
        .ppid(400)
        .cmdline("sshd: alice [priv]")
        .exe("/usr/sbin/sshd")
        .label("system_u:system_r:sshd_t:s0-s0:c0.c1023")
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope")
        .maps(
            "55d0c0a00000-55d0c0a9b000 r-xp 0000c000 fe:00 262511 /usr/sbin/sshd",
            "7f3a1c200000-7f3a1c29d000 r-xp 00022000 fe:00 340075 "
                + "/usr/lib/x86_64-linux-gnu/libssl.so.3 (deleted)",
            "7f3a1c400000-7f3a1c426000 r-xp 00026000 fe:00 339380 "
                + "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f3a1c600000-7f3a1c602000 r-xp 00000000 00:00 0 [vdso]");
    proc.process(402, "sshd")
        .ppid(401)
        .ids(1000, 1000)
        .cmdline("sshd: alice@pts/0")
        .exe("/usr/sbin/sshd")
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope");
    proc.process(500, "master")
        .cmdline("/usr/lib/postfix/sbin/master", "-w")
        .exe("/usr/lib/postfix/sbin/master")
        .label("system_u:system_r:postfix_master_t:s0")
        .cgroup("0::/system.slice/postfix@-.service");
    proc.process(501, "master")
        .ids(1000, 1000)
        .ppid(402)
        .cmdline("/usr/lib/postfix/sbin/master")
        .exe("/home/alice/master")
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope");
    proc.process(600, "python3")
        .cmdline("/usr/bin/python3", "/usr/bin/fail2ban-server", "-xf", "start")
        .exe("/usr/bin/python3.11")
        .label("system_u:system_r:fail2ban_t:s0")
        .cgroup("0::/system.slice/fail2ban.service")
        .cpu(28_000, 500, 1000);
    proc.process(700, "rollcall-long-n")
        .cmdline("/opt/rollcall/rollcall-long-name-daemon")
        .exe("/opt/rollcall/rollcall-long-name-daemon")
        .label("system_u:system_r:initrc_t:s0")
        .cgroup("0::/system.slice/rollcall-long.service");
    proc.process(710, "evil\nsshd:1")
        .ids(1000, 1000)
        .cmdline("evil")
        .exe("/tmp/evil")
        .capabilities(0, 1L << 13)
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope")
        .openFiles(2);
    proc.process(800, "cron").state('Z').ppid(310).memory(-1, -1).cgroup("0::/");
    proc.process(900, "backupd")
        .status(new int[] {105, 105, 105, 105}, new int[] {0, 0, 0, 0}, new int[] {4})
        .cmdline("/usr/sbin/backupd", "--daemon")
        .exe("/usr/sbin/backupd")
        .capabilities(1L << 2, 0)
        .label("system_u:system_r:initrc_t:s0")
        .cgroup("0::/system.slice/backupd.service")
        .memory(3L * 1024 * 1024, 4L * 1024 * 1024)
        .threads(64)
        .openFiles(12)
        .cpu(0, 0, 995_000);
    return proc;
  }
}

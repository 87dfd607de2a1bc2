package org.rollcall.monitors;

import java.nio.file.Path;
import org.rollcall.core.proc.FakeProc;

/**
 * The saved system golden tests run against: a small SELinux server with the processes etbemon's
 * blog names, an impostor "master", a user's sshd, a python daemon (busy: 95% of a CPU since the
 * sample in golden/cpu.monitor), a long-named daemon, a kernel thread, a zombie, and a daemon that
 * dropped root's user but kept its group. It booted at 08:00 UTC on 2026-12-07 and has been up
 * 10000 s; every process started ten seconds after boot.
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
        .label("system_u:system_r:init_t:s0");
    proc.process(2, "kthreadd").ppid(0).kernelThread().label("system_u:system_r:kernel_t:s0");
    proc.process(310, "cron")
        .cmdline("/usr/sbin/cron", "-f")
        .exe("/usr/sbin/cron")
        .label("system_u:system_r:crond_t:s0-s0:c0.c1023");
    proc.process(320, "rsyslogd")
        .ids(0, 4)
        .cmdline("/usr/sbin/rsyslogd", "-n", "-iNONE")
        .exe("/usr/sbin/rsyslogd")
        .label("system_u:system_r:syslogd_t:s0")
        .cpu(2_000, 1_000, 1000);
    proc.process(400, "sshd")
        .cmdline("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups")
        .exe("/usr/sbin/sshd (deleted)")
        .label("system_u:system_r:sshd_t:s0-s0:c0.c1023");
    proc.process(401, "sshd")
        .ppid(400)
        .cmdline("sshd: alice [priv]")
        .exe("/usr/sbin/sshd")
        .label("system_u:system_r:sshd_t:s0-s0:c0.c1023");
    proc.process(402, "sshd")
        .ppid(401)
        .ids(1000, 1000)
        .cmdline("sshd: alice@pts/0")
        .exe("/usr/sbin/sshd")
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    proc.process(500, "master")
        .cmdline("/usr/lib/postfix/sbin/master", "-w")
        .exe("/usr/lib/postfix/sbin/master")
        .label("system_u:system_r:postfix_master_t:s0");
    proc.process(501, "master")
        .ids(1000, 1000)
        .ppid(402)
        .cmdline("/usr/lib/postfix/sbin/master")
        .exe("/home/alice/master")
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    proc.process(600, "python3")
        .cmdline("/usr/bin/python3", "/usr/bin/fail2ban-server", "-xf", "start")
        .exe("/usr/bin/python3.11")
        .label("system_u:system_r:fail2ban_t:s0")
        .cpu(28_000, 500, 1000);
    proc.process(700, "rollcall-long-n")
        .cmdline("/opt/rollcall/rollcall-long-name-daemon")
        .exe("/opt/rollcall/rollcall-long-name-daemon")
        .label("system_u:system_r:initrc_t:s0");
    proc.process(710, "evil\nsshd:1")
        .ids(1000, 1000)
        .cmdline("evil")
        .exe("/tmp/evil")
        .label("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023");
    proc.process(800, "cron").state('Z').ppid(310);
    proc.process(900, "backupd")
        .status(new int[] {105, 105, 105, 105}, new int[] {0, 0, 0, 0}, new int[] {4})
        .cmdline("/usr/sbin/backupd", "--daemon")
        .exe("/usr/sbin/backupd")
        .label("system_u:system_r:initrc_t:s0");
    return proc;
  }
}

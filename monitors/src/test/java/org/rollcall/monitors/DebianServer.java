package org.rollcall.monitors;

import java.nio.file.Path;
import java.util.Map;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.core.proc.FakeProc;

/**
 * A typical Debian 12 server as ps.discover meets it, on cgroup v2, up 10,000 s: systemd, journald,
 * udevd, logind, cron with a long backup job, rsyslogd, dbus, sshd with alice's login session,
 * postfix's master with qmgr and a pickup started 30 s ago, a getty, alice's own {@code systemd
 * --user}, containerd with one container (nginx, master and worker), a zombie, and a backup daemon
 * that dropped root's user but kept its group.
 */
public final class DebianServer {
  /** The users the tree's processes run as, as Debian numbers them. */
  public static final UserDirectory USERS =
      new FixedUserDirectory(
          Map.of(
              "root",
              0,
              "backup",
              34,
              "messagebus",
              100,
              "postfix",
              106,
              "www-data",
              33,
              "alice",
              1000),
          Map.of("root", 0, "messagebus", 104, "postfix", 111, "alice", 1000));

  private static final long UP_TICKS = 1_000_000;

  private DebianServer() {}

  public static FakeProc build(Path root) {
    FakeProc proc = new FakeProc(root).btime(1_796_083_200L);
    proc.process(1, "systemd")
        .ppid(0)
        .cmdline("/sbin/init")
        .exe("/usr/lib/systemd/systemd")
        .cgroup("0::/init.scope");
    proc.process(2, "kthreadd").ppid(0).kernelThread().memory(-1, -1).cgroup("0::/");
    proc.process(3, "kworker/0:0-events").ppid(2).kernelThread().memory(-1, -1).cgroup("0::/");
    service(proc, 250, "systemd-journal", "/usr/lib/systemd/systemd-journald", "systemd-journald");
    service(proc, 260, "systemd-udevd", "/usr/bin/udevadm", "systemd-udevd");
    service(proc, 300, "cron", "/usr/sbin/cron", "cron");
    proc.process(301, "sh")
        .ppid(300)
        .cmdline("/bin/sh", "-c", "/usr/local/sbin/nightly-backup")
        .exe("/usr/bin/dash")
        .cgroup("0::/system.slice/cron.service");
    proc.process(302, "cron").ppid(300).state('Z').memory(-1, -1).cgroup("0::/");
    service(proc, 320, "rsyslogd", "/usr/sbin/rsyslogd", "rsyslog");
    service(proc, 330, "dbus-daemon", "/usr/bin/dbus-daemon", "dbus").ids(100, 104);
    service(proc, 340, "systemd-logind", "/usr/lib/systemd/systemd-logind", "systemd-logind");
    service(proc, 400, "sshd", "/usr/sbin/sshd", "ssh");
    session(proc, 401, 400, "sshd", "/usr/sbin/sshd", 0);
    session(proc, 402, 401, "sshd", "/usr/sbin/sshd", 1000);
    session(proc, 403, 402, "bash", "/usr/bin/bash", 1000);
    service(proc, 500, "master", "/usr/lib/postfix/sbin/master", "postfix@-");
    worker(proc, 501, 500, "qmgr", "/usr/lib/postfix/sbin/qmgr", "postfix@-").ids(106, 111);
    worker(proc, 502, 500, "pickup", "/usr/lib/postfix/sbin/pickup", "postfix@-")
        .ids(106, 111)
        .cpu(0, 0, UP_TICKS - 3_000);
    service(proc, 600, "agetty", "/usr/sbin/agetty", "getty@tty1");
    String manager = "0::/user.slice/user-1000.slice/user@1000.service/init.scope";
    proc.process(700, "systemd")
        .ids(1000, 1000)
        .cmdline("/lib/systemd/systemd", "--user")
        .exe("/usr/lib/systemd/systemd")
        .cgroup(manager);
    proc.process(701, "(sd-pam)")
        .ppid(700)
        .ids(1000, 1000)
        .cmdline("(sd-pam)")
        .exe("/usr/lib/systemd/systemd")
        .cgroup(manager);
    service(proc, 800, "containerd", "/usr/bin/containerd", "containerd");
    service(proc, 810, "containerd-shim", "/usr/bin/containerd-shim-runc-v2", "containerd");
    String container = "0::/system.slice/docker-4f3c9a1e0b7d.scope";
    proc.process(820, "nginx")
        .ppid(810)
        .cmdline("nginx: master process nginx -g daemon off;")
        .exe("/usr/sbin/nginx")
        .cgroup(container);
    proc.process(821, "nginx")
        .ppid(820)
        .ids(33, 33)
        .cmdline("nginx: worker process")
        .exe("/usr/sbin/nginx")
        .cgroup(container);
    service(proc, 900, "backupd", "/usr/sbin/backupd", "backupd")
        .status(new int[] {34, 34, 34, 34}, new int[] {0, 0, 0, 0}, new int[0]);
    return proc;
  }

  private static FakeProc.Process service(
      FakeProc proc, int pid, String comm, String exe, String unit) {
    return proc.process(pid, comm)
        .cmdline(exe)
        .exe(exe)
        .cgroup("0::/system.slice/" + unit + ".service");
  }

  private static FakeProc.Process worker(
      FakeProc proc, int pid, int ppid, String comm, String exe, String unit) {
    return service(proc, pid, comm, exe, unit).ppid(ppid);
  }

  private static void session(FakeProc proc, int pid, int ppid, String comm, String exe, int uid) {
    proc.process(pid, comm)
        .ppid(ppid)
        .ids(uid, uid)
        .cmdline(comm + ": alice")
        .exe(exe)
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope");
  }
}

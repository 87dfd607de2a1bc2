package org.rollcall.monitors;

import java.nio.file.Path;
import org.rollcall.core.proc.FakeProc;

/**
 * Daemons whose names and binaries carry what each output format of ps.discover must quote: the
 * shell's and mon's quotes and backslashes, Nagios' argument separator {@code !}, comment {@code ;}
 * and macro {@code $}, mon's {@code ;;}, a rule's own comma, a space. One daemon's name ends in a
 * backslash, which no rule can carry; one keeps root's group, so exclusion.monitor's {@code
 * --allow} carries a hostile name too.
 */
public final class HostileDaemons {
  /** The names, each a daemon of init's running {@code /opt/odd dir/NAME}. */
  public static final String[] NAMES = {
    "rc!x",
    "rc,x",
    "rc x",
    "rc$x",
    "rc'x",
    "rc\"x",
    "rc;x",
    "rc\\x",
    "rc;;x",
    "rc\\'x",
    "rc$USER1$",
    "rc#x",
    "rc\\!x",
    "rc\\;x",
    "rc`x`",
    "rcx\\"
  };

  private HostileDaemons() {}

  public static FakeProc build(Path root) {
    FakeProc proc = new FakeProc(root).btime(1_796_083_200L);
    proc.process(1, "systemd").ppid(0).cmdline("/sbin/init").exe("/usr/lib/systemd/systemd");
    int pid = 100;
    for (String name : NAMES) {
      String exe = "/opt/odd dir/" + name;
      proc.process(pid, name).cmdline(exe).exe(exe);
      pid += 10;
    }
    proc.process(pid, "rc'g;0$")
        .cmdline("/opt/odd dir/rc'g;0$")
        .exe("/opt/odd dir/rc'g;0$")
        .status(new int[] {34, 34, 34, 34}, new int[] {0, 0, 0, 0}, new int[0]);
    return proc;
  }
}

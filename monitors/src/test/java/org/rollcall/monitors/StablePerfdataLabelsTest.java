package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.net.PortMonitor;
import org.rollcall.monitors.net.SshMonitor;
import org.rollcall.monitors.peers.FakePeer;
import org.rollcall.monitors.peers.Ports;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * Every monitor's perfdata labels are the same from one run to the next while the processes and
 * peers behind them change (daemons restarted under new PIDs, another process the busiest, a peer
 * gone): PNP4Nagios, Graphite and Icinga's writers start a new series for every new label.
 */
class StablePerfdataLabelsTest {
  @TempDir Path before;
  @TempDir Path after;

  /**
   * A small server whose PIDs start at {@code base}; {@code restarted} makes the second python3 the
   * busy one and adds a daemon that keeps group 0 without user 0.
   */
  private static Path system(Path root, int base, boolean restarted) {
    FakeProc proc = new FakeProc(root).uptime(10_000);
    proc.process(1, "systemd").cpu(500, 500, 1).cmdline("/sbin/init");
    proc.process(base + 1, "sshd").cpu(100, 0, 50).cmdline("/usr/sbin/sshd", "-D");
    proc.process(base + 2, "sshd").ppid(base + 1).cpu(10, 0, 60).cmdline("sshd: alice");
    proc.process(base + 3, "cron").cpu(200, 0, 70).cmdline("/usr/sbin/cron", "-f");
    proc.process(base + 4, "python3").cpu(restarted ? 10 : 9_000, 0, 80).cmdline("python3", "a");
    proc.process(base + 5, "python3").cpu(restarted ? 9_500 : 10, 0, 90).cmdline("python3", "b");
    proc.process(base + 6, "rsyslogd").cpu(restarted ? 3_000 : 300, 0, 99).cmdline("rsyslogd");
    if (restarted) {
      proc.process(base + 7, "backupd")
          .status(new int[] {105, 105, 105, 105}, new int[4], new int[] {4});
    }
    return root;
  }

  @Test
  void processMonitorsKeepTheirLabelsAcrossRestartsAndNewOffenders() {
    Path first = system(before, 300, false);
    Path second = system(after, 4_000, true);
    assertSameLabels(
        root -> new PsMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(root)),
        first,
        second,
        "--nagios",
        "sshd:1-",
        "python3:1-2",
        "cron:1-1");
    assertSameLabels(
        root -> new CpuMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(root)),
        first,
        second,
        "--nagios",
        "--lifetime");
    assertSameLabels(
        root -> new ExclusionMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(root)),
        first,
        second,
        "--nagios");
  }

  @Test
  void networkMonitorsLabelByHostWhateverThePeerDoes() throws Exception {
    String closed = "" + Ports.closedTcp();
    try (FakePeer ssh = FakePeer.start(FakePeer.greeting("SSH-2.0-OpenSSH_9.2p1\r\n"))) {
      String open = "" + ssh.port();
      Set<String> up = labels(new SshMonitor(), "--nagios", "-p", open, "-H", "localhost", "::1");
      Set<String> down = labels(new SshMonitor(), "--nagios", "-p", closed, "localhost", "::1");
      assertThat(down).isEqualTo(up).containsExactly("time_localhost", "time_::1");
      assertThat(labels(new PortMonitor(), "--nagios", "-p", open, "127.0.0.1"))
          .isEqualTo(labels(new PortMonitor(), "--nagios", "-p", closed, "-H", "127.0.0.1"))
          .containsExactly("time");
    }
  }

  private static void assertSameLabels(
      Function<Path, Launchable> monitor, Path first, Path second, String... args) {
    MonitorRun run = MonitorRun.of(monitor.apply(first), args);
    Set<String> labels = labels(run);
    assertThat(labels).as(run.output()).isNotEmpty().noneMatch(l -> l.matches(".*\\d{3}.*"));
    assertThat(labels(MonitorRun.of(monitor.apply(second), args))).isEqualTo(labels);
  }

  private static Set<String> labels(Launchable monitor, String... args) {
    return labels(MonitorRun.of(monitor, args));
  }

  /** The labels of a Nagios status line's perfdata, in order. */
  private static Set<String> labels(MonitorRun run) {
    String line = run.summary();
    int bar = line.indexOf(" | ");
    List<String> values = bar < 0 ? List.of() : Arrays.asList(line.substring(bar + 3).split(" "));
    Set<String> labels = new LinkedHashSet<>();
    for (String value : values) {
      labels.add(value.substring(0, value.indexOf('=')));
    }
    return labels;
  }
}

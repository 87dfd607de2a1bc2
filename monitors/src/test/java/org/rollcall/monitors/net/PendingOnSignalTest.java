package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.monitors.SignalledRun;
import org.rollcall.monitors.peers.FakePeer;

/** A SIGTERM mid-run names what the run was waiting for: the hosts that have not answered. */
class PendingOnSignalTest {
  @Test
  void portMonitorNamesTheHostThatHasNotAnswered() throws Exception {
    try (FakePeer silent = FakePeer.start(FakePeer.silent())) {
      PortMonitor monitor = new PortMonitor();
      SignalledRun run =
          new SignalledRun(
              monitor, "-t", "3", "-p", "" + silent.port(), "--expect", "^220", "127.0.0.1");
      assertThat(run.interruptOnce(monitor, "(no answer yet)", 1))
          .isEqualTo(
              "port.monitor: interrupted by SIGTERM "
                  + "while waiting for 127.0.0.1:"
                  + silent.port()
                  + " (no answer yet)\n");
      assertThat(run.halted.get()).isEqualTo(1);
    }
  }

  @Test
  void manyHostsAreShortenedToThreeAndACount() throws Exception {
    try (FakePeer silent = FakePeer.start("0.0.0.0", FakePeer.silent())) {
      SshMonitor monitor = new SshMonitor();
      SignalledRun run =
          new SignalledRun(
              monitor,
              "--nagios",
              "-t",
              "3",
              "-p",
              "" + silent.port(),
              "127.0.0.1",
              "127.0.0.2",
              "127.0.0.3",
              "127.0.0.4",
              "127.0.0.5");
      String out = run.interruptOnce(monitor, "(no answer yet) and 2 more", 1);
      assertThat(out)
          .startsWith("SSH UNKNOWN: ssh.monitor: interrupted by SIGTERM while waiting for 127.0.0.")
          .endsWith(" and 2 more\n");
      assertThat(out.split("\\(no answer yet\\)|\\(connecting\\)", -1)).hasSize(4);
      assertThat(run.halted.get()).isEqualTo(3);
    }
  }
}

package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Launcher;
import org.rollcall.monitors.peers.FakePeer;

/** A SIGTERM mid-run names what the run was waiting for: the hosts that have not answered, or the CPU sample. */
class PendingOnSignalTest {
  /** A run on its own thread, interrupted by a signal once {@code command} waits on something. */
  private static final class SignalledRun {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final AtomicInteger halted = new AtomicInteger(-1);
    final Launcher launcher = new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), halted::set);
    final Thread runner;

    SignalledRun(Launchable command, String... args) {
      runner = new Thread(() -> launcher.execute(command, args), "signalled-run");
      runner.start();
    }

    /** Waits (10 s at most) until {@code command.pending()} holds {@code text}, then sends SIGTERM. */
    String interruptOnce(Launchable command, String text, int count) throws InterruptedException {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (occurrences(command.pending(), text) < count) {
        assertThat(System.nanoTime()).as("pending() never showed " + text).isLessThan(deadline);
        Thread.sleep(5);
      }
      launcher.interrupt("SIGTERM");
      runner.join(15_000);
      assertThat(runner.isAlive()).isFalse();
      return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int occurrences(String in, String text) {
      return in == null ? 0 : in.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }
  }

  @Test
  void portMonitorNamesTheHostThatHasNotAnswered() throws Exception {
    try (FakePeer silent = FakePeer.start(FakePeer.silent())) {
      PortMonitor monitor = new PortMonitor();
      SignalledRun run = new SignalledRun(monitor, "-t", "3", "-p", "" + silent.port(), "--expect", "^220",
          "127.0.0.1");
      assertThat(run.interruptOnce(monitor, "(no answer yet)", 1)).isEqualTo("port.monitor: interrupted by SIGTERM "
          + "while waiting for 127.0.0.1:" + silent.port() + " (no answer yet)\n");
      assertThat(run.halted.get()).isEqualTo(1);
    }
  }

  @Test
  void manyHostsAreShortenedToThreeAndACount() throws Exception {
    try (FakePeer silent = FakePeer.start("0.0.0.0", FakePeer.silent())) {
      SshMonitor monitor = new SshMonitor();
      SignalledRun run = new SignalledRun(monitor, "--nagios", "-t", "3", "-p", "" + silent.port(), "127.0.0.1",
          "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
      String out = run.interruptOnce(monitor, "(no answer yet) and 2 more", 1);
      assertThat(out).startsWith("SSH UNKNOWN: ssh.monitor: interrupted by SIGTERM while waiting for 127.0.0.")
          .endsWith(" and 2 more\n");
      assertThat(out.split("\\(no answer yet\\)|\\(connecting\\)", -1)).hasSize(4);
      assertThat(run.halted.get()).isEqualTo(3);
    }
  }

  @Test
  void cpuMonitorNamesItsSample() throws Exception {
    CpuMonitor monitor = new CpuMonitor();
    monitor.environment = new HashMap<>();
    SignalledRun run = new SignalledRun(monitor, "--sample", "2", "-t", "10");
    assertThat(run.interruptOnce(monitor, "CPU sample", 1))
        .isEqualTo("cpu.monitor: interrupted by SIGTERM while waiting for a 2 s CPU sample\n");
  }
}

package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.Launcher;

/** A signal during ps.monitor's --recheck wait says that this is what the run was waiting for. */
class PsMonitorInterruptTest {
  @Test
  void aSignalDuringTheRecheckNamesIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicInteger halted = new AtomicInteger(-1);
    Launcher launcher =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), halted::set);
    PsMonitor monitor = new PsMonitor();
    Thread signal =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + 20_000_000_000L;
              while (monitor.pending() == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
              }
              launcher.interrupt("SIGTERM");
            });
    signal.start();
    int code = launcher.execute(monitor, "--recheck", "2", "--nagios", "rcl-nosuchdaemon:1-");
    signal.join();
    assertThat(code).isEqualTo(3);
    assertThat(halted.get()).isEqualTo(3);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "PS UNKNOWN: ps.monitor: interrupted by SIGTERM "
                + "while waiting for the --recheck of the failing rules, 2 s after the first look\n");
  }
}

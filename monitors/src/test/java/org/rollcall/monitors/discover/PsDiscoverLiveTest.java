package org.rollcall.monitors.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.ids.UserDirectory;
import org.rollcall.monitors.Conditions;
import org.rollcall.monitors.LiveProcesses;
import org.rollcall.monitors.MonitorRun;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * The round trip on this machine's /proc with real processes: an orphaned daemon the test starts
 * gets a 1-1 rule naming its binary; the rule holds under ps.monitor, fails once a second copy
 * runs, and fails again when none does.
 */
class PsDiscoverLiveTest {
  @TempDir Path dir;

  @Test
  void aDaemonStartedHereGetsAStrictRuleThatFailsWhenDoubledOrKilled() throws Exception {
    try (LiveProcesses live = new LiveProcesses(dir.resolve("bin"))) {
      Path binary = live.binary("sbin", "rcdisc-" + ProcessHandle.current().pid());
      ProcessHandle daemon =
          live.startDetached(binary.getFileName().toString(), binary.toString(), "300");
      Conditions.await(
          "the daemon's reparenting", Duration.ofSeconds(10), () -> parentOf(daemon) != -2);
      assumeTrue(parentOf(daemon) == 1, "orphans go to a subreaper here, not to PID 1");

      String rule = ruleNaming(binary, discover());
      assertThat(rule).endsWith(",ppid=1:1-1").contains(",user=root");
      assertThat(psMonitor(rule).exit()).as(psMonitor(rule).output()).isZero();

      ProcessHandle copy =
          live.startDetached(binary.getFileName().toString(), binary.toString(), "300");
      MonitorRun doubled = psMonitor(rule);
      assertThat(doubled.exit()).isEqualTo(1);
      assertThat(doubled.output()).contains(rule + " has 2 matching processes");

      daemon.destroyForcibly();
      copy.destroyForcibly();
      Conditions.await(
          "both gone", Duration.ofSeconds(10), () -> !daemon.isAlive() && !copy.isAlive());
      MonitorRun killed = psMonitor(rule);
      assertThat(killed.exit()).isEqualTo(1);
      assertThat(killed.output()).contains(rule + " has 0 matching processes");
    }
  }

  /** The parent's PID, -2 while it is still the shell that started it, -1 once gone. */
  private static long parentOf(ProcessHandle process) {
    Optional<ProcessHandle> parent = process.parent();
    if (parent.isEmpty()) {
      return -1;
    }
    String command = parent.get().info().command().orElse("");
    return command.endsWith("/sh") || command.endsWith("/dash") ? -2 : parent.get().pid();
  }

  private static MonitorRun discover() {
    return MonitorRun.of(
        new PsDiscover(UserDirectory.system(), new ProcRootOption()), "--min-age", "0");
  }

  private static MonitorRun psMonitor(String rule) {
    return MonitorRun.of(new PsMonitor(UserDirectory.system(), new ProcRootOption()), rule);
  }

  private static String ruleNaming(Path binary, MonitorRun discovered) {
    List<String> rules = PsDiscoverRoundTripTest.rules(discovered);
    for (String rule : rules) {
      if (rule.contains("," + binary + ",")) {
        return rule;
      }
    }
    throw new AssertionError("no rule names " + binary + ":\n" + discovered.output());
  }
}

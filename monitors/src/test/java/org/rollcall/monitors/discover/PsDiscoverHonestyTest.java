package org.rollcall.monitors.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.DebianServer;
import org.rollcall.monitors.MonitorRun;

/** What ps.discover proposes when it cannot see everything, and what it never writes in a rule. */
class PsDiscoverHonestyTest {
  @TempDir Path root;

  @Test
  void aScanThatMissedAProcessSaysSoAndProposesNoRuleWithAMaximum() throws Exception {
    FakeProc proc = DebianServer.build(root);
    proc.process(950, "x").write("stat", "950 (x) S 1 garbage\n".getBytes(StandardCharsets.UTF_8));

    MonitorRun run = MonitorRun.of(new PsDiscover(DebianServer.USERS, new ProcRootOption(root)));

    assertThat(run.output())
        .contains("# note: this run could not see every process: 1 process could not be parsed")
        .contains("# not proposed, does not hold now: cron,/usr/sbin/cron,");
    assertThat(PsDiscoverRoundTripTest.rules(run))
        .containsExactly(
            "qmgr,/usr/lib/postfix/sbin/qmgr,user=postfix,unit=postfix@-.service,!ppid=1:1-");
  }

  @Test
  void noRuleDependsOnWhatABootChanges() throws Exception {
    DebianServer.build(root);

    List<String> rules =
        PsDiscoverRoundTripTest.rules(
            MonitorRun.of(new PsDiscover(DebianServer.USERS, new ProcRootOption(root))));

    assertThat(rules).isNotEmpty();
    for (String rule : rules) {
      // PID 1 is init on every boot; no other PID, no start time, age, CPU or cgroup path.
      assertThat(rule.replace("ppid=1:", ":").replace("ppid=1,", ","))
          .doesNotContain("ppid=")
          .doesNotContainPattern("(age|cpu)[<>]")
          .doesNotContain("cgroup=")
          .doesNotContainPattern("[a-z]-[0-9]+\\.scope");
    }
  }

  @Test
  void aDaemonRunningAnAnonymousFileGetsNoRule() throws Exception {
    DebianServer.build(root)
        .process(960, "runc-helper")
        .exe("/memfd:sealed-91173221a7ea (deleted)")
        .cgroup("0::/system.slice/runner.service");

    MonitorRun run = MonitorRun.of(new PsDiscover(DebianServer.USERS, new ProcRootOption(root)));

    assertThat(run.output()).contains("1 running no file").doesNotContain("memfd:sealed");
  }

  @Test
  void aDaemonWhoseBinaryCannotBeReadGetsNoRule() throws Exception {
    DebianServer.build(root);
    Files.delete(root.resolve("320/exe"));

    MonitorRun run = MonitorRun.of(new PsDiscover(DebianServer.USERS, new ProcRootOption(root)));

    assertThat(run.output()).contains("1 unreadable").doesNotContain("rsyslogd,");
  }
}

package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * One process's file in a saved tree is malformed: that process is undecided for the rules it could
 * have matched, with the file named; the others are judged as usual, and the run goes on.
 */
class CorruptProcFileTest {
  @TempDir Path dir;
  FakeProc proc;

  @BeforeEach
  void tree() {
    proc = new FakeProc(dir).uptime(10_000);
    proc.process(1, "systemd").cpu(0, 0, 1).cmdline("/sbin/init").exe("/usr/lib/systemd/systemd");
    proc.process(200, "sshd").cpu(0, 0, 100).cmdline("/usr/sbin/sshd", "-D").exe("/usr/sbin/sshd");
    proc.process(300, "mystery")
        .write("stat", "300 (mystery) S 1 x\n".getBytes(StandardCharsets.US_ASCII));
  }

  private MonitorRun run(Launchable monitor, String... rest) {
    String[] args = new String[rest.length + 2];
    args[0] = "--proc-root";
    args[1] = dir.toString();
    System.arraycopy(rest, 0, args, 2, rest.length);
    return MonitorRun.of(monitor, args);
  }

  @Test
  void psMonitorLeavesTheProcessWithAMalformedStatUndecided() {
    MonitorRun run = run(new PsMonitor(), "sshd:1-1", "telnetd:0-0");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines())
        .containsExactly(
            "sshd:1? telnetd:0?",
            "sshd:1-1 cannot be decided: 1 matching, up to 1 more undecided (malformed "
                + dir
                + "/300/stat: field 5 is"
                + " not a number), expected exactly 1: pids 200",
            "telnetd:0-0 cannot be decided: 0 matching, up to 1 more undecided (malformed "
                + dir
                + "/300/stat: field 5"
                + " is not a number), expected none",
            "note: 1 process could not be parsed (malformed "
                + dir
                + "/300/stat: field 5 is not a number)");
    MonitorRun ok = run(new PsMonitor(), "systemd:1-", "sshd:1-");
    assertThat(ok.exit()).isZero();
  }

  @Test
  void exclusionMonitorLeavesTheProcessWithAMalformedStatusUndecided() {
    proc.process(400, "odd")
        .write(
            "status",
            "Name:\todd\nUid:\t0\t0\nGid:\t0\t0\t0\t0\n".getBytes(StandardCharsets.US_ASCII));
    MonitorRun run = run(new ExclusionMonitor(), "--gid0");
    assertThat(run.output())
        .contains(
            "--gid0 cannot be decided for 1 process (malformed "
                + dir
                + "/400/status: Uid: has 2 IDs, expected 4)");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void cpuMonitorJudgesTheOthersAndSaysWhichFileItCouldNotParse() {
    MonitorRun run = run(new CpuMonitor(), "--lifetime", "--top", "1");
    // A hog may hide behind the malformed stat: unmeasured, not "no process over the limit".
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.summary()).isEqualTo("unmeasured:?");
    assertThat(run.output())
        .contains(
            "some processes could not be measured: 1 process could not be parsed "
                + "(malformed "
                + dir
                + "/300/stat: field 5 is not a number)")
        .contains("top 1: systemd(1): 0.0% of one CPU");
  }
}

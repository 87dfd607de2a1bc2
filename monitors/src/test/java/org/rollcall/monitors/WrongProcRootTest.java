package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Launchable;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * A --proc-root with no process in it (an empty directory, or / by mistake) is a wrong root, not a
 * machine where nothing runs: a {@code 0-0} rule must not pass there.
 */
class WrongProcRootTest {
  @TempDir Path empty;

  private static MonitorRun run(Launchable monitor, String root, String... rest) {
    String[] args = new String[rest.length + 2];
    args[0] = "--proc-root";
    args[1] = root;
    System.arraycopy(rest, 0, args, 2, rest.length);
    return MonitorRun.of(monitor, args);
  }

  @Test
  void psMonitorRefusesAProcRootWithoutProcesses() {
    for (String root : new String[] {empty.toString(), "/"}) {
      MonitorRun mon = run(new PsMonitor(), root, "telnetd:0-0");
      assertThat(mon)
          .isEqualTo(
              new MonitorRun(
                  1,
                  "ps.monitor: --proc-root "
                      + root
                      + " holds no process "
                      + "directory (such as 1/): it is not a proc tree (see ps.monitor --help)\n"));
      MonitorRun nagios = run(new PsMonitor(), root, "--nagios", "telnetd:0-0");
      assertThat(nagios.exit()).isEqualTo(3);
      assertThat(nagios.output())
          .startsWith("PS UNKNOWN: ps.monitor: --proc-root " + root + " holds no process");
    }
  }

  @Test
  void exclusionAndCpuMonitorRefuseItToo() {
    assertThat(run(new ExclusionMonitor(), empty.toString(), "--gid0"))
        .isEqualTo(
            new MonitorRun(
                1,
                "exclusion.monitor: --proc-root "
                    + empty
                    + " holds no process directory (such as 1/): it is not a proc "
                    + "tree (see exclusion.monitor --help)\n"));
    assertThat(run(new CpuMonitor(), "/", "--lifetime"))
        .isEqualTo(
            new MonitorRun(
                1,
                "cpu.monitor: --proc-root / holds no process directory (such as 1/): it is not a proc tree"
                    + " (see cpu.monitor --help)\n"));
  }

  @Test
  void aProcRootThatIsNoDirectoryIsAUsageErrorToo() {
    MonitorRun run = run(new PsMonitor(), empty.resolve("missing").toString(), "telnetd:0-0");
    assertThat(run)
        .isEqualTo(
            new MonitorRun(
                1,
                "ps.monitor: --proc-root "
                    + empty.resolve("missing")
                    + " is not a readable directory (see ps.monitor --help)\n"));
  }
}

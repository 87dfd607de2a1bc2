package org.rollcall.monitors.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.monitors.LiveProcesses;
import org.rollcall.monitors.MonitorRun;

/**
 * exclusion.monitor on this machine's /proc, with real processes under other IDs started by
 * setpriv.
 */
class ExclusionMonitorLiveTest {
  @Test
  void findsASetuidBeforeSetgidProcessAndNotAClean() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    try (LiveProcesses live = new LiveProcesses()) {
      long buggy =
          live.start(
                  "sleep",
                  "setpriv",
                  "--reuid=65534",
                  "--regid=0",
                  "--clear-groups",
                  "sleep",
                  "300")
              .pid();
      long clean =
          live.start(
                  "sleep",
                  "setpriv",
                  "--reuid=65534",
                  "--regid=65534",
                  "--clear-groups",
                  "sleep",
                  "300")
              .pid();
      MonitorRun run = MonitorRun.of(new ExclusionMonitor(), "--gid0");
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.summary().split(" "))
          .contains("gid0:sleep(" + buggy + ")")
          .doesNotContain("gid0:sleep(" + clean + ")");
      assertThat(run.lines())
          .contains(
              "gid0: sleep("
                  + buggy
                  + ") holds group 0 without user 0: uid r/e/s/fs "
                  + "65534(nobody)/65534(nobody)/65534(nobody)/65534(nobody), gid r/e/s/fs 0(root)/0(root)/0(root)/0(root),"
                  + " groups none; label "
                  + labelOf(buggy)
                  + "; exe /usr/bin/sleep; args sleep 300");
      MonitorRun defaults = MonitorRun.of(new ExclusionMonitor());
      assertThat(defaults.summary().split(" ")).contains("gid0:sleep(" + buggy + ")");
    }
  }

  private static String labelOf(long pid) {
    return org.rollcall.core.proc.ProcFs.system()
        .process((int) pid)
        .orElseThrow()
        .label()
        .toString();
  }
}

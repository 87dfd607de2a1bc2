package org.rollcall.monitors.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
      long buggy = sleepAsNobody(live, "--regid=0");
      long clean = sleepAsNobody(live, "--regid=65534");
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

  @Test
  void findsAUserKeepingARawSocketCapabilityAndNotRootOrAPlainUser() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    try (LiveProcesses live = new LiveProcesses()) {
      long capped =
          sleepAsNobody(live, "--regid=65534", "--inh-caps=+net_raw", "--ambient-caps=+net_raw");
      long plain = sleepAsNobody(live, "--regid=65534");
      MonitorRun run = MonitorRun.of(new ExclusionMonitor(), "--caps");
      assertThat(run.summary().split(" "))
          .contains("caps:sleep(" + capped + ")")
          .doesNotContain(
              "caps:sleep(" + plain + ")", "caps:java(" + ProcessHandle.current().pid() + ")");
      assertThat(run.lines())
          .contains(
              "caps: sleep("
                  + capped
                  + ") holds cap_net_raw without user 0, ambient cap_net_raw (given to every program"
                  + " it runs): uid r/e/s/fs 65534(nobody)/65534(nobody)/65534(nobody)/65534(nobody),"
                  + " gid r/e/s/fs 65534(nogroup)/65534(nogroup)/65534(nogroup)/65534(nogroup),"
                  + " groups none; label "
                  + labelOf(capped)
                  + "; exe /usr/bin/sleep; args sleep 300");
      MonitorRun allowed =
          MonitorRun.of(new ExclusionMonitor(), "--caps", "--allow-cap", "net_raw");
      assertThat(allowed.output()).doesNotContain("(" + capped + ")");
    }
  }

  /**
   * {@code sleep 300} as user nobody, without supplementary groups, under setpriv's {@code
   * options}.
   */
  private static long sleepAsNobody(LiveProcesses live, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--clear-groups"));
    command.addAll(List.of(options));
    command.addAll(List.of("sleep", "300"));
    return live.start("sleep", command.toArray(String[]::new)).pid();
  }

  private static String labelOf(long pid) {
    return org.rollcall.core.proc.ProcFs.system()
        .process((int) pid)
        .orElseThrow()
        .label()
        .toString();
  }
}

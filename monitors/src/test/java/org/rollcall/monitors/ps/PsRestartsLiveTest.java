package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.monitors.Commands.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.proc.ProcClock;
import org.rollcall.core.proc.ProcFs;
import org.rollcall.monitors.Commands;
import org.rollcall.monitors.LiveProcesses;
import org.rollcall.monitors.MonitorRun;

/**
 * ps.monitor --restarts run as mon runs it (its own JVM each run) on a daemon this test restarts
 * between two runs, and on a state file another user planted.
 */
class PsRestartsLiveTest {
  @TempDir Path dir;
  LiveProcesses live;
  Path daemon;
  Path state;

  @BeforeEach
  void init() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    live = new LiveProcesses(dir.resolve("bin"));
    daemon = live.binary("sbin", "rcl-restartd");
    state = Files.createDirectory(dir.resolve("state"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    live.close();
  }

  private ProcessHandle startDaemon() throws Exception {
    return live.startDetached("rcl-restartd", daemon.toString(), "300");
  }

  private MonitorRun run() throws Exception {
    return MonitorRun.external(
        "ps.monitor", "--restarts", "--state-dir", state.toString(), "rcl-restartd:1-1");
  }

  @Test
  void aDaemonRestartedBetweenTwoRunsFailsNamingBothProcesses() throws Exception {
    ProcessHandle first = startDaemon();
    String firstStarted = startedAt(first);
    MonitorRun before = run();
    assertThat(before.lines())
        .containsExactly(
            "1 rule holds: rcl-restartd:1",
            "note: --restarts: no previous run's state in "
                + state.resolve("ps.monitor.state")
                + "; recorded for the next run");
    first.destroyForcibly();
    first.onExit().get(10, TimeUnit.SECONDS);
    ProcessHandle second = startDaemon();
    MonitorRun after = run();
    assertThat(after.lines()).hasSize(2);
    assertThat(after.lines().get(0)).isEqualTo("rcl-restartd:1,restarted");
    assertThat(after.lines().get(1))
        .startsWith("rcl-restartd restarted since ")
        .endsWith(
            ": pid "
                + first.pid()
                + " (started "
                + firstStarted
                + ") is gone, pid "
                + second.pid()
                + " (started "
                + startedAt(second)
                + ") runs");
    assertThat(after.exit()).isEqualTo(1);
  }

  @Test
  void aStateFileAnotherUserPlantedIsNotTrusted() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    ProcessHandle daemon = startDaemon();
    exec(List.of("chmod", "1777", state.toString()));
    Path file = state.resolve("ps.monitor.state");
    // Taken for true, it would fail the rule: the daemon's process of "then" (PID 1) is not it.
    String forged =
        RestartState.HEADER
            + "\nproc-root /proc\nbtime "
            + ProcClock.bootTime(ProcFs.system())
            + "\nuptime 1.00\nrule rcl-restartd:1-1\n1 1\n";
    exec(Commands.asNobody("sh", "-c", "cat > \"$1\"", "sh", file.toString()), forged);
    MonitorRun run = run();
    assertThat(run.lines())
        .containsExactly(
            "1 rule holds: rcl-restartd:1",
            "note: state file "
                + file
                + " is not trusted (it is owned by uid 65534, not by this user (uid 0)); restarts"
                + " not judged this run");
    assertThat(run.exit()).isZero();
    assertThat(RestartState.parse(Files.readString(file)).rules().get("rcl-restartd:1-1"))
        .extracting(key -> (long) key.pid())
        .containsExactly(daemon.pid());
  }

  /** When {@code process} started, on the wall clock as ps.monitor writes it. */
  private static String startedAt(ProcessHandle process) {
    ProcFs fs = ProcFs.system();
    long boot = ProcClock.bootTime(fs);
    long start = fs.process((int) process.pid()).orElseThrow().stat().starttime();
    return new WallClock(ZoneId.systemDefault(), System.currentTimeMillis() / 1000)
        .at(boot + start / ProcClock.TICKS_PER_SECOND);
  }
}

package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.Conditions;
import org.rollcall.monitors.MonitorRun;

/**
 * ps.monitor --restarts on a fixture tree changed between runs: booted at 08:00 UTC, the first run
 * at 10:46:40 (uptime 10000 s), the second at 10:51:40.
 */
class PsRestartsTest {
  private static final long BOOT = 1_796_630_400L;
  private static TimeZone zone;

  @TempDir Path dir;
  @TempDir Path state;
  FakeProc proc;
  Map<String, String> environment = new HashMap<>();

  @BeforeAll
  static void utc() {
    zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(zone);
  }

  @BeforeEach
  void tree() {
    proc = new FakeProc(dir.resolve("proc")).btime(BOOT).uptime(10_000);
    proc.process(1, "systemd");
    // started at 08:50, 3000 s after boot
    proc.process(812, "sshd").cpu(0, 0, 300_000);
    environment.put("MON_STATEDIR", state.toString());
  }

  private PsMonitor monitor() {
    PsMonitor monitor = new PsMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(proc.root()));
    monitor.environment = environment;
    return monitor;
  }

  private MonitorRun run(String... rules) {
    return MonitorRun.of(
        monitor(), Stream.concat(Stream.of("--restarts"), Stream.of(rules)).toArray(String[]::new));
  }

  /** The first run records; then five minutes pass. */
  private void firstRunThenFiveMinutes(String... rules) {
    MonitorRun first = run(rules);
    assertThat(first.lines())
        .contains(
            "note: --restarts: no previous run's state in "
                + state.resolve("ps.monitor.state")
                + "; recorded for the next run");
    proc.uptime(10_300);
  }

  @Test
  void aNewProcessGivenTheOldPidIsARestart() {
    firstRunThenFiveMinutes("sshd:1-1");
    // 10:50, 10200 s after boot
    proc.process(812, "sshd").cpu(0, 0, 1_020_000);
    MonitorRun run = run("sshd:1-1");
    assertThat(run.lines())
        .containsExactly(
            "sshd:1,restarted",
            "sshd restarted since 10:46: pid 812 (started 08:50) is gone, pid 812 (started 10:50) runs");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run("sshd:1-1").exit()).as("the restart is reported once").isZero();
  }

  @Test
  void aDaemonThatRunsOnIsNoRestartWhateverJoinsIt() {
    firstRunThenFiveMinutes("sshd:1-");
    proc.process(900, "sshd").cpu(0, 0, 1_020_000);
    MonitorRun run = run("sshd:1-");
    assertThat(run.lines()).containsExactly("1 rule holds: sshd:2");
    assertThat(run.exit()).isZero();
  }

  @Test
  void aDaemonThatMatchedNothingLastTimeStartedItDidNotRestart() {
    firstRunThenFiveMinutes("sshd:1-", "cron:1-");
    proc.process(900, "cron").cpu(0, 0, 1_020_000);
    MonitorRun run = run("sshd:1-", "cron:1-");
    assertThat(run.lines()).containsExactly("2 rules hold: sshd:1 cron:1");
  }

  @Test
  void aRebootRecordsWithoutFailing() {
    firstRunThenFiveMinutes("sshd:1-");
    proc.btime(BOOT + 10_000).uptime(300);
    proc.process(812, "sshd").cpu(0, 0, 2_000);
    MonitorRun run = run("sshd:1-");
    assertThat(run.lines())
        .containsExactly(
            "1 rule holds: sshd:1",
            "note: --restarts: the system booted (or its clock was set) since the previous run at "
                + "10:46 (booted at 08:00 then, at 10:46 now); recorded afresh");
    assertThat(run.exit()).isZero();
  }

  @Test
  void aBootTimeReadOneSecondLaterIsStillTheSameBoot() {
    firstRunThenFiveMinutes("sshd:1-1");
    proc.btime(BOOT + 1);
    proc.process(812, "sshd").cpu(0, 0, 1_020_000);
    MonitorRun run = run("sshd:1-1");
    assertThat(run.summary()).isEqualTo("sshd:1,restarted");
  }

  @Test
  void anOldProcessThisRunCannotSeeLeavesTheRestartUndecided() {
    firstRunThenFiveMinutes("sshd:1-");
    proc.process(900, "sshd").cpu(0, 0, 1_020_000);
    proc.process(812, "x").write("stat", "812 (sshd) S 1 x\n".getBytes(StandardCharsets.US_ASCII));
    MonitorRun run = run("sshd:1-");
    String malformed = "malformed " + proc.root() + "/812/stat: field 5 is not a number";
    assertThat(run.lines())
        .containsExactly(
            "sshd:1,restarted?",
            "cannot tell whether sshd restarted since 10:46: pid 812 (started 08:50) is not among"
                + " the processes this run could see (1 process could not be parsed ("
                + malformed
                + ")), pid 900 (started 10:50) runs",
            "note: 1 process could not be parsed (" + malformed + ")");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void aRestartThatARecheckRodeOutIsStillReported() throws Exception {
    firstRunThenFiveMinutes("sshd:1-1");
    proc.process(812, "x").state('Z');
    PsMonitor monitor = monitor();
    CompletableFuture<MonitorRun> run =
        CompletableFuture.supplyAsync(
            () -> MonitorRun.of(monitor, "--restarts", "--recheck", "2", "sshd:1-1"));
    Conditions.await("--recheck wait", Duration.ofSeconds(20), () -> monitor.pending() != null);
    proc.process(900, "sshd").cpu(0, 0, 1_020_000);
    assertThat(run.get().lines())
        .containsExactly(
            "sshd:1,restarted",
            "sshd restarted since 10:46: pid 812 (started 08:50) is gone, pid 900 (started 10:50) runs");
  }

  @Test
  void eachMonServiceHasItsOwnStateAndRulesAddedOrRemovedAreRecordedAfresh() {
    environment.put("MON_GROUP", "local");
    environment.put("MON_SERVICE", "daemons");
    run("sshd:1-", "cron:0-");
    assertThat(state.resolve("ps.monitor.local.daemons.state")).exists();
    proc.process(812, "sshd").cpu(0, 0, 1_020_000);
    MonitorRun run = run("sshd:1-1", "cron:0-");
    assertThat(run.lines())
        .containsExactly(
            "2 rules hold: sshd:1 cron:0",
            "note: --restarts: sshd:1-1 is new since the previous run at 10:46; recorded for the"
                + " next run");
  }

  @Test
  void restartsNeedAStateDirectory() {
    environment.clear();
    MonitorRun run = run("sshd:1-");
    assertThat(run.lines())
        .containsExactly(
            "ps.monitor: --restarts needs a state directory: --state-dir DIR, or MON_STATEDIR (mon"
                + " sets it) (see ps.monitor --help)");
    assertThat(run.exit()).isEqualTo(1);
  }
}

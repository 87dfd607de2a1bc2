package org.rollcall.monitors.procs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Launcher;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.CheckProcsPeer;
import org.rollcall.monitors.Executables;
import org.rollcall.monitors.LiveProcesses;

/**
 * Each difference from check_procs that procs.monitor makes on purpose (procs.monitor(1)), on a
 * saved system where check_procs cannot run, and on live processes beside check_procs where the
 * difference lies in how check_procs reads ps.
 */
class ProcsDifferencesTest {
  @TempDir static Path root;

  @BeforeAll
  static void saveSystem() {
    FakeProc proc = new FakeProc(root);
    proc.process(1, "systemd").ppid(0).cmdline("/sbin/init").exe("/usr/lib/systemd/systemd");
    proc.process(2, "kthreadd").ppid(0).kernelThread().memory(-1, -1);
    proc.process(3, "kworker/0:1").ppid(2).kernelThread().state('I').memory(-1, -1);
    proc.process(10, "cron").cmdline("/usr/sbin/cron", "-f").exe("/usr/sbin/cron");
    proc.process(11, "cron").state('Z').ppid(10).memory(-1, -1);
    proc.process(20, "rollcall-long-n")
        .cmdline("/opt/rollcall/rollcall-long-name-daemon")
        .exe("/opt/rollcall/rollcall-long-name-daemon");
    proc.process(30, "python3")
        .cmdline("/usr/bin/python3", "/usr/bin/fail2ban-server", "-xf", "start")
        .exe("/usr/bin/python3.11");
    proc.process(40, "x/sshd").ids(1000, 1000).cmdline("x").exe("/tmp/x");
    proc.process(41, "sshd x").ids(1000, 1000).cmdline("y").exe("/tmp/y");
    proc.process(50, "sleep").state('R').cmdline("sleep", "60").exe("/usr/bin/sleep");
  }

  @Test
  void namesLongerThanCommMatchWhole() {
    assertThat(run("--nagios", "-C", "rollcall-long-name-daemon", "-c", "1:1"))
        .startsWith("0 PROCS OK: 1 process with command name 'rollcall-long-name-daemon'");
    assertThat(run("--nagios", "-C", "rollcall-long", "-c", "0:0")).startsWith("0 PROCS OK: 0");
    assertThat(run("--nagios", "-a", "/opt/", "-X", "rollcall-long-name-daemon"))
        .startsWith("0 PROCS OK: 0");
  }

  @Test
  void scriptsAreNamedByTheirScript() {
    assertThat(run("--nagios", "-C", "fail2ban-server")).startsWith("0 PROCS OK: 1 process");
    assertThat(run("--nagios", "-C", "python3")).startsWith("0 PROCS OK: 0 processes");
  }

  @Test
  void commIsComparedWhole() {
    // check_procs keeps the last part of a comm with a slash and the first word of one with a
    // space: both would count as sshd there.
    assertThat(run("--nagios", "-C", "sshd")).startsWith("0 PROCS OK: 0 processes");
    assertThat(run("--nagios", "-C", "x/sshd")).startsWith("0 PROCS OK: 1 process");
  }

  @Test
  void statesAreLettersOfTheKernelsState() {
    // check_procs -s SI looks for "SI" inside ps' STAT column: nothing.
    assertThat(run("--nagios", "-s", "IR")).startsWith("0 PROCS OK: 2 processes with STATE = IR");
    assertThat(run("--nagios", "-s", "s"))
        .startsWith("3 PROCS UNKNOWN: procs.monitor: term 'state=s'");
  }

  @Test
  void zombiesCountOnlyInTotalsAndForZ() {
    assertThat(run("--nagios", "-C", "cron")).startsWith("0 PROCS OK: 1 process");
    assertThat(run("--nagios", "-C", "cron", "-s", "Z")).startsWith("0 PROCS OK: 1 process");
    assertThat(run("--nagios", "-u", "0")).startsWith("0 PROCS OK: 7 processes");
    assertThat(run("--nagios", "-w", "100")).startsWith("0 PROCS OK: 10 processes");
  }

  @Test
  void kernelThreadsAreTheKernelsIncludingKthreaddButNotInit() {
    assertThat(run("--nagios", "-k", "-vv"))
        .contains("8 processes kept: pids 1 10 11 20 30 40 41 50")
        .contains("MATCHes: '*,kthread=no'");
  }

  @Test
  void argumentsAreTheCommandLineNotPsBrackets() {
    assertThat(run("--nagios", "-a", "kthreadd")).startsWith("0 PROCS OK: 0");
    assertThat(run("--nagios", "--ereg-argument-array", "defunct|kworker"))
        .startsWith("0 PROCS OK: 0");
  }

  @Test
  void malformedOptionsAreRefusedNotReadAsZero() {
    assertThat(run("--nagios", "-w", "abc")).startsWith("3 PROCS UNKNOWN: procs.monitor: -w 'abc'");
    assertThat(run("--nagios", "-t", "0")).startsWith("3 PROCS UNKNOWN: procs.monitor: --timeout");
    assertThat(run("--nagios", "10", "20")).startsWith("3 PROCS UNKNOWN: procs.monitor: takes");
    assertThat(run("-C", "cron", "-c", "1:", "host1")).startsWith("1 procs.monitor: takes options");
  }

  @Test
  void rangesAreWrittenBackNormalAndTraditionalChangesNothing() {
    assertThat(run("--nagios", "-w", "@0:5", "-c", "~:20", "-T"))
        .startsWith("0 PROCS OK: 10 processes | procs=10;@5;~:20;0\n");
    assertThat(run("--nagios", "-u", "4242"))
        .startsWith("0 PROCS OK: 0 processes with UID = 4242 (no name)");
  }

  @Test
  void aProcessThatCannotBeReadIsUnknownOnlyWhereItMatters(@TempDir Path saved) throws Exception {
    FakeProc proc = new FakeProc(saved);
    proc.process(1, "systemd").ppid(0).cmdline("/sbin/init");
    proc.process(2, "cron").cmdline("/usr/sbin/cron");
    proc.process(3, "cron").write("stat", "3 (cron) S x".getBytes(StandardCharsets.UTF_8));
    ProcsMonitor monitor = new ProcsMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(saved));
    assertThat(live(monitor, "--nagios", "-C", "cron", "-c", "1:2"))
        .startsWith("0 PROCS OK: 1 process");
    monitor = new ProcsMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(saved));
    assertThat(live(monitor, "--nagios", "-C", "cron", "-c", "2:2"))
        .startsWith("3 PROCS UNKNOWN: 1 process with command name 'cron', and more that could not")
        .contains("malformed");
  }

  @Test
  void neverCountsItsOwnPsOrTheShellsThatStartedIt() {
    CheckProcsPeer.assumeInstalled();
    String mark = "RCLW" + ProcessHandle.current().pid();
    List<String> filters = List.of("-u", "0", "--ereg-argument-array", "^/bin/ps axwwo|" + mark);
    // check_procs leaves out itself and its parent, but counts the ps it runs and the shell above
    // (whose arguments hold the mark).
    List<String> theirs = new ArrayList<>(List.of(CheckProcsPeer.PATH.toString()));
    theirs.addAll(filters);
    assertThat(Executables.exec(underTwoShells(theirs)).stdout())
        .startsWith("PROCS OK: 2 processes");
    List<String> ours = new ArrayList<>(List.of("--nagios"));
    ours.addAll(filters);
    List<String> java =
        Executables.command(
            System.getProperty("java.class.path"),
            List.of(),
            "procs.monitor",
            ours.toArray(new String[0]));
    assertThat(Executables.exec(underTwoShells(java)).stdout()).startsWith("PROCS OK: 0 processes");
  }

  /** {@code command} run by a shell run by a shell, both waiting for it. */
  private static List<String> underTwoShells(List<String> command) {
    List<String> shells =
        new ArrayList<>(
            List.of("sh", "-c", "\"$@\"; true", "sh", "sh", "-c", "\"$@\"; true", "sh"));
    shells.addAll(command);
    return shells;
  }

  @Test
  void aNameWrittenIntoCommCannotPassForAnother(@TempDir Path dir) throws Exception {
    CheckProcsPeer.assumeInstalled();
    String name = "rcl" + ProcessHandle.current().pid() % 100000;
    try (LiveProcesses live = new LiveProcesses(dir.resolve("bin"))) {
      live.startNamed(
          List.of(),
          ("x/" + name).getBytes(StandardCharsets.UTF_8),
          List.of("perl".getBytes(StandardCharsets.UTF_8)));
      assertThat(Executables.exec(List.of(CheckProcsPeer.PATH.toString(), "-C", name)).stdout())
          .startsWith("PROCS OK: 1 process");
      assertThat(live(new ProcsMonitor(), "--nagios", "-C", name))
          .startsWith("0 PROCS OK: 0 processes");
    }
  }

  /** The exit code, a space and the output of procs.monitor ARGS on the saved system. */
  private static String run(String... args) {
    return live(new ProcsMonitor(FixedUserDirectory.SAMPLE, new ProcRootOption(root)), args);
  }

  private static String live(ProcsMonitor monitor, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Launcher launcher =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), code -> {});
    int exit = launcher.execute(monitor, args);
    return exit + " " + bytes.toString(StandardCharsets.UTF_8);
  }
}

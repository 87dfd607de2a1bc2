package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.Conditions;
import org.rollcall.monitors.Executables;
import org.rollcall.monitors.LiveProcesses;
import org.rollcall.monitors.MonitorRun;

/**
 * ps.monitor run as mon runs it (its own JVM through the real entry point) on processes this test
 * starts.
 */
class PsMonitorLiveTest {
  @TempDir static Path dir;
  static LiveProcesses live;
  static Path daemon;
  static long genuinePid;
  static long spoofPid;
  static long nobodyPid;
  static List<Long> shortPids;
  static List<Long> longPids;

  @BeforeAll
  static void startProcesses() throws Exception {
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    live = new LiveProcesses(dir.resolve("bin"));
    Path sleeper = live.binary("a", "rcl-sleeper");
    shortPids =
        List.of(
            live.start("rcl-sleeper", sleeper.toString(), "300").pid(),
            live.start("rcl-sleeper", sleeper.toString(), "301").pid(),
            live.start("rcl-sleeper", sleeper.toString(), "302").pid());
    Path longName = live.binary("a", "rollcall-sleeper-with-a-long-name");
    longPids =
        List.of(
            live.start("rollcall-sleepe", longName.toString(), "300").pid(),
            live.start("rollcall-sleepe", longName.toString(), "301").pid());
    Path odd = live.binary("a", "rcl sp) (ace");
    live.start("rcl sp) (ace", odd.toString(), "300").pid();
    daemon = live.binary("genuine", "rcl-daemon");
    genuinePid = live.start("rcl-daemon", daemon.toString(), "300").pid();
    // An impostor: same file name elsewhere, and argv[0] set to the genuine daemon's path.
    Path impostor = live.binary("evil", "rcl-daemon");
    spoofPid =
        live.start("rcl-daemon", "bash", "-c", "exec -a " + daemon + " " + impostor + " 300").pid();
    if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      Path nobody = live.binary("a", "rcl-nobody");
      nobodyPid =
          live.start(
                  "rcl-nobody",
                  "setpriv",
                  "--reuid=65534",
                  "--regid=65534",
                  "--clear-groups",
                  nobody.toString(),
                  "300")
              .pid();
    }
  }

  @AfterAll
  static void stopProcesses() throws InterruptedException {
    live.close();
  }

  @Test
  void countsCopiesUnderOddAndLongNamesExactly() {
    Executables.Run ok =
        Executables.run(
            "ps.monitor",
            "rcl-sleeper:3-3",
            "rollcall-sleeper-with-a-long-name:2-2",
            "rollcall-sleeper-with-a-long-name-but-not-this:0-0",
            "rcl sp) (ace:1-1",
            "rcl-absent:0-0");
    assertThat(ok.stderr()).isEmpty();
    assertThat(ok.stdout())
        .isEqualTo(
            "5 rules hold: rcl-sleeper:3 rollcall-sleeper-with-a-long-name:2 "
                + "rollcall-sleeper-with-a-long-name-but-not-this:0 rcl sp) (ace:1 rcl-absent:0\n");
    assertThat(ok.exit()).isZero();

    Executables.Run failed = Executables.run("ps.monitor", "rcl-sleeper:1-2", "rcl-absent:1-");
    assertThat(failed.stdout())
        .isEqualTo(
            "rcl-sleeper:3 rcl-absent:0\n"
                + "rcl-sleeper:1-2 has 3 matching processes, expected between 1 and 2: pids "
                + pids(shortPids)
                + "\n"
                + "rcl-absent:1- has 0 matching processes, expected at least 1\n");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.stderr()).isEmpty();
  }

  @Test
  void anImpostorWithTheDaemonsNameAndArgv0DoesNotSatisfyThePathRule() {
    // The name term rules out, cheaply, processes whose exe this user may not read (PID 1 in some
    // containers).
    Executables.Run run =
        Executables.run(
            "ps.monitor",
            "rcl-daemon," + daemon + ":1-1",
            "rcl-daemon:2-2",
            "args=^" + daemon + " :2-2",
            "rcl-daemon,!" + daemon + ":0-0");
    assertThat(run.stdout())
        .isEqualTo(
            "rcl-daemon,!"
                + daemon
                + ":1\n"
                + "rcl-daemon,!"
                + daemon
                + ":0-0 has 1 matching process, expected none: pids "
                + spoofPid
                + "\n");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void usersAreEffectiveUidsResolvedThroughNss() {
    assumeTrue(nobodyPid > 0, "setpriv (util-linux) is not installed");
    Executables.Run run =
        Executables.run(
            "ps.monitor",
            "rcl-nobody,user=nobody:1-1",
            "rcl-nobody,user=0:0-0",
            "rcl-nobody,group=65534:1-1",
            "user=nobody,rcl-sleeper:0-0");
    assertThat(run.stdout()).startsWith("4 rules hold:");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void neverCountsItselfItsLauncherScriptOrItsShell() throws IOException {
    Path script = dir.resolve("launch/ps.monitor");
    Files.createDirectories(script.getParent());
    Files.writeString(
        script,
        "#!/bin/sh\n\""
            + Executables.java()
            + "\" -cp \""
            + System.getProperty("java.class.path")
            + "\" org.rollcall.core.cli.Main ps.monitor \"$@\"\n");
    script.toFile().setExecutable(true);
    Executables.Run run =
        Executables.exec(List.of("sh", "-c", script + " args=RCL-SELF-MARKER:0-0 ps.monitor:0-0"));
    assertThat(run.stdout()).isEqualTo("2 rules hold: args=RCL-SELF-MARKER:0 ps.monitor:0\n");
    assertThat(run.exit()).isZero();
  }

  @Test
  void asAnUnprivilegedUserUndecidablePathRulesSaySoInsteadOfPassing() throws IOException {
    assumeTrue(nobodyPid > 0, "setpriv (util-linux) is not installed");
    String classPath =
        Executables.worldReadableClassPath(Files.createDirectories(dir.resolve("cp")));
    Executables.Run run =
        Executables.exec(
            Executables.command(
                classPath,
                List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                "ps.monitor",
                "rcl-daemon:2-2",
                daemon + ":1-1",
                "rcl-nobody,user=65534:1-1"));
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout())
        .startsWith(daemon + ":0?\n" + daemon + ":1-1 cannot be decided: 0 matching, up to ");
    assertThat(run.stdout()).contains("permission denied").contains("expected exactly 1");
    assertThat(run.exit()).isEqualTo(1);
  }

  /**
   * Run in this JVM, to see when the recheck's wait has begun: the daemon comes back then, started
   * through a shell that exits at once, so it is no child of this JVM (a monitor never counts its
   * own children).
   */
  @Test
  void recheckRidesOutADaemonThatComesBackAndReportsOnlyWhatStillFails() throws Exception {
    Path late = live.binary("a", "rcl-late");
    PsMonitor monitor = new PsMonitor();
    CompletableFuture<Long> started =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Conditions.await(
                    "the --recheck wait", Duration.ofSeconds(20), () -> monitor.pending() != null);
                Process shell =
                    new ProcessBuilder("sh", "-c", "'" + late + "' 300 >/dev/null 2>&1 & echo $!")
                        .start();
                return Long.parseLong(new String(shell.getInputStream().readAllBytes()).trim());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      MonitorRun run = MonitorRun.of(monitor, "--recheck", "3", "rcl-late:1-", "rcl-never:1-");
      assertThat(started.join()).isPositive();
      assertThat(run.output())
          .isEqualTo("rcl-never:0\nrcl-never:1- has 0 matching processes, expected at least 1\n");
      assertThat(run.exit()).isEqualTo(1);
    } finally {
      ProcessHandle.of(started.join()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aProcessNamedToForgeOutputIsCountedAndPrintedOnOneEscapedLine() throws Exception {
    String hostile = "evil\nx) S 1\u001b";
    try (LiveProcesses own = new LiveProcesses()) {
      // One write(2): the kernel sets comm from each write, so the name must arrive in one piece.
      long pid =
          own.start(
                  hostile,
                  "perl",
                  "-e",
                  "open(my $f, '>', \"/proc/$$/comm\"); syswrite($f, \"evil\\nx) S 1\\e\"); close $f; sleep 300")
              .pid();
      Executables.Run run = Executables.run("ps.monitor", hostile + ":0-0", "rcl-sleeper:3-3");
      assertThat(run.stdout())
          .isEqualTo(
              "evil\\nx) S 1\\x1b:1\n"
                  + "evil\\nx) S 1\\x1b:0-0 has 1 matching process, expected none: pids "
                  + pid
                  + "\n");
      assertThat(run.exit()).isEqualTo(1);
      Executables.Run explain = Executables.run("ps.monitor", "--explain", Long.toString(pid));
      assertThat(explain.stdout())
          .contains("\ncomm: evil\\nx) S 1\\x1b\n", "\nargs: perl -e 'open(my $f");
      assertThat(explain.stdout().lines()).allMatch(line -> !line.contains("\u001b"));
    }
  }

  private static String pids(List<Long> pids) {
    return String.join(" ", pids.stream().sorted().map(String::valueOf).toList());
  }
}

package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * The process monitors while shell loops fork and reap short-lived processes as fast as they can:
 * on stable rules every run must give the same right answer, with no error from a process that
 * vanished mid-read and no process counted twice. Most runs are in this JVM (1000 of ps.monitor
 * take seconds); some are separate processes.
 */
class ChurnTest {
  private static final int SLEEPERS = 5;
  private static final int FORKERS = 2;

  @TempDir static Path dir;
  static LiveProcesses live;
  static Path sleeper;
  static List<Long> sleepers = new ArrayList<>();
  static long offender;
  static long forksBefore;

  @BeforeAll
  static void start() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    live = new LiveProcesses(dir.resolve("bin"));
    sleeper = live.binary("a", "rcl-churn");
    for (int i = 0; i < SLEEPERS; i++) {
      sleepers.add(live.startDetached("rcl-churn", sleeper.toString(), "300").pid());
    }
    Path kept = live.binary("a", "rcl-churn-gid0");
    offender =
        live.startDetached(
                "rcl-churn-gid0",
                "setpriv",
                "--reuid=65534",
                "--regid=0",
                "--clear-groups",
                kept.toString(),
                "300")
            .pid();
    forksBefore = forks();
    for (int i = 0; i < FORKERS; i++) {
      // Niced: on a loaded machine the runs under test, not the loops, must get the CPU.
      live.startDetached(List.of("nice", "-n", "19", "sh", "-c", "while :; do /bin/true; done"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void psMonitorGivesTheSameRightAnswerOnEveryRun() throws Exception {
    // Name, executable, credentials and command line: every lazily read field of every process is
    // exercised. The name term first: some process's exe may be unreadable even to root (another
    // user namespace).
    String[] rules = {
      "rcl-churn:5-5",
      "rcl-churn," + sleeper + ":5-5",
      "rcl-churn,user=root,group=0:5-5",
      "args=^rcl-never-runs:0-0",
      "!user=root,rcl-churn:0-0"
    };
    String expected =
        "5 rules hold: rcl-churn:5 rcl-churn,"
            + sleeper
            + ":5 rcl-churn,user=root,group=0:5 "
            + "args=^rcl-never-runs:0 !user=root,rcl-churn:0\n";
    long forks = forks();
    assertEveryRun(
        1000,
        () -> MonitorRun.of(new PsMonitor(), rules),
        run -> run.exit() == 0 && run.output().equals(expected));
    assertEveryRun(
        30,
        () -> external("ps.monitor", rules),
        run -> run.exit() == 0 && run.output().equals(expected));
    assertThat(forks() - forks).as("processes forked meanwhile").isGreaterThan(1000);
  }

  @Test
  void exclusionMonitorFindsTheOneOffenderOnEveryRun() throws Exception {
    String token = "gid0:rcl-churn-gid0(" + offender + ")";
    Predicate<MonitorRun> right =
        run ->
            run.exit() == 1
                && List.of(run.summary().split(" ")).contains(token)
                && run.lines().stream().filter(line -> line.contains("(" + offender + ")")).count()
                    == 2
                && run.lines().stream()
                    .noneMatch(
                        line -> line.contains("error") || line.contains("cannot be decided"));
    assertEveryRun(1000, () -> MonitorRun.of(new ExclusionMonitor(), "--gid0"), right);
    assertEveryRun(5, () -> external("exclusion.monitor", "--gid0"), right);
  }

  /**
   * A process exiting mid-read has released its files: its root and exe no longer resolve, which
   * must not read as code deleted from disk.
   */
  @Test
  void staleCodeTakesNoExitingProcessForOneRunningDeletedCode() throws Exception {
    Predicate<MonitorRun> right =
        run ->
            run.lines().stream()
                .noneMatch(
                    line ->
                        line.startsWith("stale: true(")
                            || line.startsWith("stale: sh(")
                            || line.contains("error")
                            || line.startsWith("--stale-code cannot be decided")
                                && !line.contains("permission denied"));
    assertEveryRun(300, () -> MonitorRun.of(new ExclusionMonitor(), "--stale-code"), right);
  }

  @Test
  void cpuMonitorListsEachSleeperOnceOnEveryRun() throws Exception {
    String[] lifetime = {"--lifetime", "--include-users", "--max", "100000", "--top", "100000"};
    assertEveryRun(
        300, () -> MonitorRun.of(new CpuMonitor(), lifetime), ChurnTest::listsEachSleeperOnce);
    // Two scans 20 ms apart, processes coming and going between them; the state file read and
    // replaced each run
    // (the previous sample is always under a second old, so each run samples again).
    Path state = Files.createDirectories(dir.resolve("state"));
    String[] sampled = {
      "--state-dir",
      state.toString(),
      "--sample",
      "0.02",
      "--include-users",
      "--max",
      "100000",
      "--top",
      "100000"
    };
    assertEveryRun(
        100, () -> MonitorRun.of(new CpuMonitor(), sampled), ChurnTest::listsEachSleeperOnce);
    assertEveryRun(5, () -> external("cpu.monitor", lifetime), ChurnTest::listsEachSleeperOnce);
  }

  private static boolean listsEachSleeperOnce(MonitorRun run) {
    return run.exit() == 0
        && run.summary().startsWith("no process over 100000% of one CPU ")
        && sleepers.stream()
            .allMatch(
                pid ->
                    run.lines().stream()
                            .filter(
                                line ->
                                    line.matches(
                                        "top \\d+: rcl-churn\\("
                                            + pid
                                            + "\\): [0-9.]+% of one CPU .*"))
                            .count()
                        == 1)
        && run.lines().stream()
            .noneMatch(line -> line.startsWith("note:") || line.contains("error"));
  }

  private static MonitorRun external(String name, String... args) {
    try {
      return MonitorRun.external(name, args);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Runs {@code runs} times; fails with the count and the first wrong outputs if any run is not
   * right.
   */
  private static void assertEveryRun(
      int runs, Supplier<MonitorRun> run, Predicate<MonitorRun> right) {
    List<String> wrong = new ArrayList<>();
    int wrongRuns = 0;
    for (int i = 0; i < runs; i++) {
      MonitorRun result = run.get();
      if (!right.test(result)) {
        wrongRuns++;
        if (wrong.size() < 3) {
          wrong.add("run " + i + ", exit " + result.exit() + ":\n" + result.output());
        }
      }
    }
    assertThat(wrong).as(wrongRuns + " of " + runs + " runs wrong").isEmpty();
  }

  /** Processes forked since boot ({@code processes} in /proc/stat). */
  private static long forks() throws IOException {
    return Files.readAllLines(Path.of("/proc/stat")).stream()
        .filter(line -> line.startsWith("processes "))
        .mapToLong(line -> Long.parseLong(line.substring("processes ".length()).strip()))
        .findFirst()
        .orElseThrow();
  }
}

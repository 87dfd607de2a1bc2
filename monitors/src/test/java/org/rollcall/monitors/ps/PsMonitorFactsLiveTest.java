package org.rollcall.monitors.ps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.Conditions;
import org.rollcall.monitors.Executables;
import org.rollcall.monitors.LiveProcesses;
import org.rollcall.monitors.MonitorRun;

/**
 * ps.monitor's terms on a process's state, threads, descriptors, memory and age, against real
 * processes that hold each: a parent that never reaps its child, 50 threads, 300 more open files,
 * 200 MiB written.
 */
class PsMonitorFactsLiveTest {
  @TempDir static Path dir;
  static LiveProcesses live;
  static long zombieParent;
  static long zombie;

  @BeforeAll
  static void startHolders() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    live = new LiveProcesses();
    Path script = dir.resolve("holder.py");
    try (InputStream in = PsMonitorFactsLiveTest.class.getResourceAsStream("holder.py")) {
      Files.copy(in, script);
    }
    for (String kind : List.of("threads", "fds", "memory", "zombie")) {
      live.startDetached(
          List.of("python3", script.toString(), kind, ready(kind).toString(), "RCL-FACTS-" + kind));
    }
    for (String kind : List.of("threads", "fds", "memory", "zombie")) {
      Conditions.await(kind + " holder", Duration.ofSeconds(30), () -> Files.exists(ready(kind)));
    }
    zombie = Long.parseLong(Files.readString(ready("zombie")));
    zombieParent =
        Long.parseLong(Files.readString(Path.of("/proc/" + zombie + "/stat")).split(" ")[3]);
  }

  private static Path ready(String kind) {
    return dir.resolve(kind + ".ready");
  }

  @AfterAll
  static void stopHolders() throws InterruptedException {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void countsAZombieOnlyWhereARuleAsksForIt() {
    String parent = "ppid=" + zombieParent;
    MonitorRun run =
        MonitorRun.of(
            new PsMonitor(), "state=Z," + parent + ":1-1", parent + ":0-0", "*," + parent + ":1-1");
    assertThat(run.output())
        .isEqualTo("3 rules hold: state=Z," + parent + ":1 " + parent + ":0 *," + parent + ":1\n");
    MonitorRun explained = MonitorRun.of(new PsMonitor(), "--explain", Long.toString(zombie));
    assertThat(explained.output())
        .contains("state Z (zombie: not counted)")
        .contains("memory: rss 0 KiB, vsz 0 KiB");
  }

  @Test
  void measuresThreadsDescriptorsAndMemory() {
    MonitorRun run =
        MonitorRun.of(
            new PsMonitor(),
            "args=RCL-FACTS-threads,threads>49:1-1",
            "args=RCL-FACTS-threads,threads>50:0-0",
            "args=RCL-FACTS-fds,fds>299:1-1",
            "args=RCL-FACTS-fds,fds>400:0-0",
            "args=RCL-FACTS-memory,rss>190M:1-1",
            "args=RCL-FACTS-memory,vsz>200M:1-1",
            "args=RCL-FACTS-memory,rss>400M:0-0",
            "args=RCL-FACTS-,age<10m,cgroup=/*:4-4",
            "args=RCL-FACTS-,age>10m:0-0");
    assertThat(run.output()).startsWith("9 rules hold: ");
    assertThat(run.exit()).isZero();
  }

  @Test
  void namesEachOffenderWithWhatItMeasured() {
    MonitorRun run = MonitorRun.of(new PsMonitor(), "args=RCL-FACTS-memory,rss>100M:0-0");
    assertThat(run.lines().get(1))
        .matches(
            "args=RCL-FACTS-memory,rss>100M:0-0 has 1 matching process, expected none: pids \\d+"
                + " \\(rss 2\\d\\d\\.?\\d? MiB\\)");
    assertThat(run.exit()).isEqualTo(1);
  }

  /**
   * A unit made for the test in systemd's cgroup hierarchy, the fds holder moved into it:
   * ps.monitor finds it there by one walk of the hierarchy, and the process's own cgroup file
   * agrees.
   */
  @Test
  void findsAProcessInTheUnitItWasMovedTo() throws Exception {
    Path hierarchy =
        Files.isDirectory(Path.of("/sys/fs/cgroup/systemd"))
            ? Path.of("/sys/fs/cgroup/systemd")
            : Path.of("/sys/fs/cgroup");
    String unit = "rcl-facts-" + ProcessHandle.current().pid() + ".service";
    Path slice = hierarchy.resolve("rcl-facts.slice");
    Path cgroup = slice.resolve(unit);
    try {
      Files.createDirectories(cgroup);
    } catch (IOException e) {
      assumeTrue(false, "cannot make a cgroup in " + hierarchy + ": " + e);
    }
    String holder = Files.readString(ready("fds")).strip();
    try {
      Files.writeString(cgroup.resolve("cgroup.procs"), holder);
      assertThat(Files.readString(Path.of("/proc/" + holder + "/cgroup"))).contains(unit);
      MonitorRun run =
          MonitorRun.of(
              new PsMonitor(),
              "unit=" + unit + ":1-1",
              "args=RCL-FACTS-fds,unit=rcl-facts-*.service:1-1",
              "args=RCL-FACTS-,unit=rcl-facts-*.service:1-1",
              "args=RCL-FACTS-,cgroup=/rcl-facts.slice/*:1-1");
      assertThat(run.output()).startsWith("4 rules hold: ");
    } finally {
      Files.writeString(hierarchy.resolve("cgroup.procs"), holder);
      Files.delete(cgroup);
      Files.delete(slice);
    }
  }

  /** Only root and the owner may list a process's fd directory: never 0 for the others. */
  @Test
  void anotherUsersDescriptorsAreUndecidedNotZero() throws IOException {
    LiveProcesses.assumeSetprivAsRoot();
    String classPath =
        Executables.worldReadableClassPath(Files.createDirectories(dir.resolve("cp")));
    Executables.Run run =
        Executables.exec(
            Executables.command(
                classPath,
                List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                "ps.monitor",
                "args=RCL-FACTS-fds,fds<10:0-0"));
    assertThat(run.stdout())
        .startsWith(
            "args=RCL-FACTS-fds,fds<10:0?\nargs=RCL-FACTS-fds,fds<10:0-0 cannot be decided: 0"
                + " matching, up to 1 more undecided (fd not listable: permission denied");
    assertThat(run.exit()).isEqualTo(1);
  }
}

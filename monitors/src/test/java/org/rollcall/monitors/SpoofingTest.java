package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * Impostors of a root daemon, each started by the unprivileged user nobody: one that names itself
 * like the daemon, a script of that name, and two that run their own file under the daemon's very
 * path inside a user and mount namespace of their own (a bind mount, once with the file deleted as
 * after an upgrade). A NAME term counts them all, as documented; the executable path term counts
 * only the daemon.
 */
class SpoofingTest {
  private static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  @TempDir static Path dir;
  static LiveProcesses live;
  static Path daemon;
  static long genuine;
  static List<Long> impostors = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    Executables.Run probe = Executables.exec(List.of(nobody("unshare", "-Urm", "true")));
    assumeTrue(
        probe.exit() == 0,
        "needs unprivileged user namespaces (unshare -Urm as nobody): " + probe.stderr());
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    live = new LiveProcesses(dir.resolve("bin"));
    daemon = live.binary("sbin", "rcl-daemon");
    genuine = live.startDetached("rcl-daemon", daemon.toString(), "300").pid();
    Path own = Files.createDirectories(dir.resolve("nobody"));
    UserPrincipal nobody =
        own.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(own, nobody);
    Path script = own.resolve("rcl-daemon");
    Files.writeString(script, "sleep 300;\n");
    Path kept =
        Files.copy(Path.of("/bin/sleep"), own.resolve("kept"), StandardCopyOption.REPLACE_EXISTING);
    Path deleted =
        Files.copy(
            Path.of("/bin/sleep"), own.resolve("deleted"), StandardCopyOption.REPLACE_EXISTING);
    for (Path p : List.of(script, kept, deleted)) {
      Files.setOwner(p, nobody);
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    impostors.add(
        live.startDetached("rcl-daemon", nobody("perl", "-e", "$0 = 'rcl-daemon'; sleep 300"))
            .pid());
    impostors.add(live.startDetached("perl", nobody("perl", script.toString())).pid());
    impostors.add(
        live.startDetached(
                "rcl-daemon",
                nobody(
                    "unshare",
                    "-Urm",
                    "sh",
                    "-c",
                    "mount --bind " + kept + " " + daemon + " && exec " + daemon + " 301"))
            .pid());
    impostors.add(
        live.startDetached(
                "rcl-daemon",
                nobody(
                    "unshare",
                    "-Urm",
                    "sh",
                    "-c",
                    "mount --bind "
                        + deleted
                        + " "
                        + daemon
                        + " && rm "
                        + deleted
                        + " && exec "
                        + daemon
                        + " 302"))
            .pid());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (live != null) {
      live.close();
    }
  }

  private static String[] nobody(String... command) {
    List<String> all = new ArrayList<>(AS_NOBODY);
    all.addAll(List.of(command));
    return all.toArray(String[]::new);
  }

  @Test
  void onlyTheDaemonsOwnBinarySatisfiesItsPathRule() throws Exception {
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + impostors.get(2) + "/exe")))
        .isEqualTo(daemon);
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + impostors.get(3) + "/exe")))
        .hasToString(daemon + " (deleted)");
    Executables.Run run =
        Executables.run(
            "ps.monitor",
            "rcl-daemon," + daemon + ":1-1",
            "rcl-daemon:5-5",
            "rcl-daemon,!" + daemon + ":0-0");
    assertThat(run.stdout())
        .isEqualTo(
            "rcl-daemon,!"
                + daemon
                + ":4\n"
                + "rcl-daemon,!"
                + daemon
                + ":0-0 has 4 matching processes, expected none: pids "
                + String.join(" ", impostors.stream().sorted().map(String::valueOf).toList())
                + "\n");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void explainSaysWhyTheLookAlikeIsNotTheDaemon() {
    for (long pid : impostors.subList(2, 4)) {
      MonitorRun run =
          MonitorRun.of(new PsMonitor(), "--explain", Long.toString(pid), daemon + ":1-1");
      assertThat(run.lines()).contains("rule " + daemon + ":1-1: no", "  " + daemon + ": no");
    }
    MonitorRun run =
        MonitorRun.of(new PsMonitor(), "--explain", Long.toString(genuine), daemon + ":1-1");
    assertThat(run.lines()).contains("rule " + daemon + ":1-1: yes");
  }

  @Test
  void cpuMonitorDoesNotExemptALookAlikeOfAnExemptBinary() {
    MonitorRun run =
        MonitorRun.of(
            new CpuMonitor(),
            "--lifetime",
            "--include-users",
            "--max",
            "100000",
            "--top",
            "100000",
            "--exempt",
            daemon.toString());
    for (long pid : impostors) {
      assertThat(run.output()).contains("(" + pid + "): ");
    }
    assertThat(run.output()).doesNotContain("(" + genuine + "): ");
  }
}

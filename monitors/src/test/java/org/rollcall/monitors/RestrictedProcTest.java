package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process monitor run as {@code nobody}, on the normal /proc and on a /proc mounted {@code
 * hidepid=2} in a private mount namespace, while root's processes and a group-0 offender run: what
 * cannot be seen is reported as undecided with the reason, never as OK.
 */
class RestrictedProcTest {
  private static final String HIDEPID_NOTE =
      "/proc is mounted with hidepid=invisible: other users' processes may " + "be invisible";
  private static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  @TempDir static Path dir;
  static LiveProcesses live;
  static String classPath;
  static long rootSleeper;
  static long offender;

  @BeforeAll
  static void start() throws Exception {
    LiveProcesses.assumeSetprivAsRoot();
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/unshare")),
        "needs unshare from the Debian package util-linux");
    Executables.Run probe =
        Executables.exec(
            hidepid(
                "hidepid=2", List.of("grep", "-q", "hidepid=invisible", "/proc/self/mountinfo")));
    assumeTrue(
        probe.exit() == 0,
        "needs a private mount namespace and a proc mount with its own options "
            + "(CAP_SYS_ADMIN, Linux 5.8 or later): "
            + probe.stderr());
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    classPath = Executables.worldReadableClassPath(Files.createDirectories(dir.resolve("cp")));
    live = new LiveProcesses(dir.resolve("bin"));
    Path hidden = live.binary("a", "rcl-hidden");
    rootSleeper = live.start("rcl-hidden", hidden.toString(), "300").pid();
    Path kept = live.binary("a", "rcl-gid0");
    offender =
        live.start(
                "rcl-gid0",
                "setpriv",
                "--reuid=65534",
                "--regid=0",
                "--clear-groups",
                kept.toString(),
                "300")
            .pid();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (live != null) {
      live.close();
    }
  }

  /** {@code unshare -m} with a fresh /proc mounted with {@code options}, then {@code command}. */
  private static List<String> hidepid(String options, List<String> command) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                "mount -t proc -o " + options + " proc /proc && exec \"$@\"",
                "sh"));
    all.addAll(command);
    return all;
  }

  private static Executables.Run asNobody(String options, String name, String... args) {
    List<String> command = Executables.command(classPath, AS_NOBODY, name, args);
    Executables.Run run = Executables.exec(options == null ? command : hidepid(options, command));
    assertThat(run.stderr()).isEmpty();
    return run;
  }

  @Test
  void psMonitorUnderHidepidReportsRulesAboutHiddenProcessesAsUndecided() {
    Executables.Run run =
        asNobody("hidepid=2", "ps.monitor", "rcl-hidden:1-1", "rcl-hidden:0-0", "rcl-absent:0-0");
    assertThat(run.stdout())
        .isEqualTo(
            "rcl-hidden:0? rcl-hidden:0? rcl-absent:0?\n"
                + "rcl-hidden:1-1 cannot be decided: 0 matching, an unknown number more undecided (processes not visible), "
                + "expected exactly 1\n"
                + "rcl-hidden:0-0 cannot be decided: 0 matching, an unknown number more undecided (processes not visible), "
                + "expected none\n"
                + "rcl-absent:0-0 cannot be decided: 0 matching, an unknown number more undecided (processes not visible), "
                + "expected none\n"
                + "note: "
                + HIDEPID_NOTE
                + "\n");
    assertThat(run.exit()).isEqualTo(1);
    Executables.Run nagios = asNobody("hidepid=2", "ps.monitor", "--nagios", "rcl-hidden:0-0");
    assertThat(nagios.stdout()).startsWith("PS UNKNOWN: ");
    assertThat(nagios.exit()).isEqualTo(3);
    Executables.Run explain =
        asNobody("hidepid=2", "ps.monitor", "--explain", Long.toString(rootSleeper));
    assertThat(explain.stdout())
        .isEqualTo(
            "ps.monitor: no process "
                + rootSleeper
                + " in /proc ("
                + HIDEPID_NOTE
                + ") (see ps.monitor --help)\n");
  }

  @Test
  void underHidepid1OtherUsersProcessesAreListedButUnreadableAndSaidSo() {
    Executables.Run run = asNobody("hidepid=1", "ps.monitor", "rcl-hidden:0-0");
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines.get(0)).isEqualTo("rcl-hidden:0?");
    assertThat(lines.get(2))
        .matches(
            "note: /proc is mounted with hidepid=noaccess: other users' processes may be "
                + "invisible; [0-9]+ processes could not be read \\(permission denied\\)");
    assertThat(run.exit()).isEqualTo(1);
    Executables.Run exclusion = asNobody("hidepid=1", "exclusion.monitor", "--gid0");
    assertThat(exclusion.stdout())
        .startsWith(
            "gid0:?\n--gid0 cannot be decided: /proc is mounted with " + "hidepid=noaccess");
  }

  @Test
  void theGroupThatHidepidExemptsSeesEverythingAndDecides() {
    Executables.Run run =
        asNobody("hidepid=2,gid=65534", "ps.monitor", "rcl-hidden:1-1", "rcl-gid0:1-1");
    assertThat(run.stdout()).isEqualTo("2 rules hold: rcl-hidden:1 rcl-gid0:1\n");
    assertThat(run.exit()).isZero();
    // Without gid= the kernel exempts group 0.
    Executables.Run inGroup0 =
        Executables.exec(
            hidepid(
                "hidepid=2",
                Executables.command(
                    classPath,
                    List.of("setpriv", "--reuid=65534", "--regid=65534", "--groups=0"),
                    "ps.monitor",
                    "rcl-hidden:1-1")));
    assertThat(inGroup0.stdout()).isEqualTo("1 rule holds: rcl-hidden:1\n");
  }

  @Test
  void rootWithoutCapSysPtraceOrRootsGroupIsNotTakenToSeeEverything() {
    // As a service whose unit drops CAP_SYS_PTRACE and runs with another group: root, yet hidepid
    // hides.
    Executables.Run run =
        Executables.exec(
            hidepid(
                "hidepid=2",
                Executables.command(
                    classPath,
                    List.of(
                        "setpriv",
                        "--regid=65534",
                        "--clear-groups",
                        "--bounding-set=-sys_ptrace",
                        "--inh-caps=-sys_ptrace"),
                    "ps.monitor",
                    "rcl-gid0:0-0")));
    assertThat(run.stdout()).startsWith("rcl-gid0:0?\n").endsWith("note: " + HIDEPID_NOTE + "\n");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void exclusionMonitorUnderHidepidCannotCallAHiddenOffenderAbsent() {
    Executables.Run run = asNobody("hidepid=2", "exclusion.monitor", "--gid0");
    assertThat(run.stdout()).isEqualTo("gid0:?\n--gid0 cannot be decided: " + HIDEPID_NOTE + "\n");
    assertThat(run.exit()).isEqualTo(1);
    Executables.Run nagios = asNobody("hidepid=2", "exclusion.monitor", "--nagios", "--gid0");
    assertThat(nagios.stdout()).startsWith("EXCLUSION UNKNOWN: ");
    assertThat(nagios.exit()).isEqualTo(3);
  }

  @Test
  void exclusionMonitorAsNobodyWithoutHidepidFindsTheOffender() {
    Executables.Run run = asNobody(null, "exclusion.monitor", "--gid0");
    assertThat(run.stdout().lines().findFirst().orElseThrow().split(" "))
        .contains("gid0:rcl-gid0(" + offender + ")");
    assertThat(run.stdout()).contains("exe (exe not readable: permission denied");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void staleCodeAsNobodyCannotCallRootsProcessesCurrent() {
    Executables.Run run = asNobody(null, "exclusion.monitor", "--stale-code");
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines.get(0)).isEqualTo("stale:?");
    assertThat(lines.get(1))
        .startsWith("--stale-code cannot be decided for ")
        .contains("not readable: permission denied");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void cpuMonitorUnderHidepidSaysWhatItCouldNotMeasure() {
    Executables.Run run = asNobody("hidepid=2", "cpu.monitor", "--lifetime");
    assertThat(run.stdout())
        .isEqualTo("unmeasured:?\nsome processes could not be measured: " + HIDEPID_NOTE + "\n");
    assertThat(run.exit()).isEqualTo(1);
    Executables.Run nagios = asNobody("hidepid=2", "cpu.monitor", "--nagios", "--sample", "0.2");
    assertThat(nagios.stdout()).startsWith("CPU UNKNOWN: ");
    assertThat(nagios.exit()).isEqualTo(3);
  }

  @Test
  void cpuMonitorAsNobodyWithoutHidepidMeasuresEveryProcess() {
    Executables.Run run = asNobody(null, "cpu.monitor", "--lifetime", "--max", "100000");
    assertThat(run.stdout())
        .startsWith("no process over 100000% of one CPU averaged over each process's life (");
    assertThat(run.stdout()).doesNotContain("unmeasured", "note:");
    assertThat(run.exit()).isZero();
  }
}

package org.rollcall.monitors.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.MonitorRun;

/**
 * exclusion.monitor's --stale-code and --caps on fixture trees: grouping, exemptions, undecided
 * processes, unknown capability bits, a malformed maps file.
 */
class StaleCodeAndCapsTest {
  private static final String SSL = "/usr/lib/x86_64-linux-gnu/libssl.so.3";
  private static final long NET_BIND_AND_RAW = 1L << 10 | 1L << 13;

  @TempDir Path dir;
  FakeProc proc;

  @BeforeEach
  void init() {
    proc = new FakeProc(dir);
    proc.process(1, "systemd").exe("/usr/lib/systemd/systemd").cgroup("0::/init.scope");
    proc.process(2, "kthreadd").kernelThread();
  }

  private MonitorRun run(String... args) {
    String[] all =
        Stream.concat(Stream.of("--proc-root", dir.toString()), Stream.of(args))
            .toArray(String[]::new);
    return MonitorRun.of(
        new ExclusionMonitor(
            FixedUserDirectory.SAMPLE, new org.rollcall.core.cli.ProcRootOption(dir)),
        all);
  }

  private FakeProc.Process sshd(int pid, String... maps) {
    return proc.process(pid, "sshd")
        .exe("/usr/sbin/sshd")
        .cmdline("/usr/sbin/sshd", "-D")
        .cgroup("0::/system.slice/ssh.service")
        .maps(maps);
  }

  private static String map(String perms, String path) {
    return "7f00-7f01 " + perms + " 00000000 fe:00 4242 " + path;
  }

  @Test
  void staleCodeGroupsAServicesProcessesAndNamesEachFile() {
    sshd(812, map("r-xp", SSL + " (deleted)"));
    sshd(813, map("r-xp", SSL + " (deleted)"), map("r-xp", "/usr/lib/libz.so.1 (deleted)"));
    proc.process(820, "cron").exe("/usr/sbin/cron").cgroup("0::/system.slice/cron.service");
    proc.process(900, "vendord")
        .exe("/opt/v/vendord (deleted)")
        .cmdline("vendord")
        .cgroup("0::/user.slice/user-1000.slice/session-3.scope");
    proc.process(830, "app")
        .exe("/usr/bin/app")
        .cgroup("0::/system.slice/app.service")
        .maps(
            map("r-xs", "/memfd:jit (deleted)"),
            map("r-xp", "/dev/shm/ffi (deleted)"),
            map("r--p", "/var/lib/app/data (deleted)"),
            "7f00-7f01 r-xp 00000000 00:00 0 [vdso]");
    MonitorRun run = run("--stale-code");
    assertThat(run.lines())
        .containsExactly(
            "stale:ssh.service stale:/opt/v/vendord",
            "stale: sshd(812) unit ssh.service runs deleted "
                + SSL
                + ": uid r/e/s/fs 0(root)/0(root)/0(root)/0(root), gid r/e/s/fs "
                + "0(root)/0(root)/0(root)/0(root), groups none; label (no attr/current: the kernel "
                + "has no security module labels); exe /usr/sbin/sshd; args /usr/sbin/sshd -D",
            "stale: sshd(813) unit ssh.service runs deleted "
                + SSL
                + ", deleted /usr/lib/libz.so.1: uid r/e/s/fs 0(root)/0(root)/0(root)/0(root), gid "
                + "r/e/s/fs 0(root)/0(root)/0(root)/0(root), groups none; label (no attr/current: "
                + "the kernel has no security module labels); exe /usr/sbin/sshd; args "
                + "/usr/sbin/sshd -D",
            "stale: vendord(900) unit session-3.scope runs deleted /opt/v/vendord: uid r/e/s/fs "
                + "0(root)/0(root)/0(root)/0(root), gid r/e/s/fs 0(root)/0(root)/0(root)/0(root), "
                + "groups none; label (no attr/current: the kernel has no security module labels); "
                + "exe /opt/v/vendord (deleted); args vendord");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run("--stale-code", "--nagios").summary())
        .isEqualTo(
            "EXCLUSION CRITICAL: 1 of 1 failed: stale:ssh.service stale:/opt/v/vendord"
                + " | stale=3;;0;0");
  }

  @Test
  void staleCodeAllowsByMatchAndListsAtMostTenFiles() {
    String[] maps = new String[12];
    for (int i = 0; i < maps.length; i++) {
      maps[i] =
          "7f00-7f01 r-xp 00000000 fe:00 " + (100 + i) + " /usr/lib/lib" + i + ".so (deleted)";
    }
    sshd(812, maps);
    assertThat(run("--stale-code").lines().get(1))
        .contains("runs deleted /usr/lib/lib0.so, ")
        .contains(", deleted /usr/lib/lib9.so and 2 more files: ");
    MonitorRun allowed = run("--stale-code", "--allow", "/usr/sbin/sshd");
    assertThat(allowed.output())
        .isEqualTo("no excluded process: stale none (3 processes checked)\n");
  }

  @Test
  void unreadableOrMalformedMapsLeaveTheRuleUndecidedNeverClean() throws Exception {
    sshd(812);
    Files.delete(dir.resolve("812/maps"));
    Files.createDirectory(dir.resolve("812/maps"));
    proc.process(813, "bad").exe("/usr/bin/bad").maps("7f00-7f01 r-xp 00000000 fe:00");
    MonitorRun run = run("--stale-code");
    assertThat(run.lines())
        .containsExactly(
            "stale:?",
            "--stale-code cannot be decided for 2 processes (maps not readable: Is a directory): "
                + "pids 812 813");
    Files.delete(dir.resolve("812/maps"));
    assertThat(run("--stale-code").lines().get(1))
        .isEqualTo("--stale-code cannot be decided for 2 processes (no maps file): pids 812 813");
    proc.process(812, "sshd").exe("/usr/sbin/sshd");
    assertThat(run("--stale-code").lines().get(1))
        .isEqualTo(
            "--stale-code cannot be decided for 1 process (malformed "
                + dir.resolve("813/maps")
                + ": line 1 '7f00-7f01 r-xp 00000000 fe:00': fewer than five fields): pids 813");
    MonitorRun nagios = run("--stale-code", "--nagios");
    assertThat(nagios.summary())
        .isEqualTo("EXCLUSION UNKNOWN: 1 of 1 failed: stale:? | stale=0;;0;0");
    assertThat(nagios.exit()).isEqualTo(3);
  }

  @Test
  void capsFindsAUserKeepingCapabilitiesAndNamesThemUnknownBitsByNumber() {
    proc.process(500, "ntpd")
        .ids(105, 105)
        .exe("/usr/sbin/ntpd")
        .cmdline("ntpd")
        .capabilities(1L << 25 | 1L << 10 | 1L << 45, 0);
    proc.process(501, "pinger").ids(65534, 65534).exe("/usr/bin/ping").capabilities(0, 1L << 13);
    proc.process(502, "root").ids(0, 0).capabilities(0x1ffffffffffL, 0);
    proc.process(503, "saved")
        .status(new int[] {105, 105, 0, 105}, new int[] {105, 105, 105, 105}, new int[0])
        .capabilities(1L << 13, 0);
    proc.process(504, "nobody").ids(65534, 65534);
    MonitorRun run = run("--caps");
    assertThat(run.summary()).isEqualTo("caps:ntpd(500) caps:pinger(501)");
    assertThat(run.lines().get(1))
        .startsWith(
            "caps: ntpd(500) holds cap_net_bind_service,cap_sys_time,45 without user 0: uid r/e/s/fs "
                + "105(sshd)/105(sshd)/105(sshd)/105(sshd), ");
    assertThat(run.lines().get(2))
        .startsWith(
            "caps: pinger(501) keeps ambient cap_net_raw without user 0 (given to every program "
                + "it runs): uid r/e/s/fs 65534/65534/65534/65534, ");
    assertThat(
            run(
                    "--caps",
                    "--allow-cap",
                    "cap_sys_time",
                    "--allow-cap",
                    "NET_BIND_SERVICE",
                    "--allow-cap",
                    "45",
                    "--allow",
                    "/usr/bin/ping")
                .output())
        .isEqualTo("no excluded process: caps none (7 processes checked)\n");
    assertThat(run("--caps", "--nagios").summary())
        .isEqualTo(
            "EXCLUSION CRITICAL: 1 of 1 failed: caps:ntpd(500) caps:pinger(501) | caps=2;;0;0");
  }

  @Test
  void aStatusWithoutCapEffLeavesCapsUndecided() {
    proc.process(500, "old")
        .write(
            "status",
            "Name:\told\nUid:\t105\t105\t105\t105\nGid:\t105\t105\t105\t105\nGroups:\t\n"
                .getBytes(StandardCharsets.US_ASCII));
    MonitorRun run = run("--caps");
    assertThat(run.lines())
        .containsExactly(
            "caps:?",
            "--caps cannot be decided for 1 process ("
                + dir.resolve("500/status")
                + " has no CapEff line): pids 500");
  }

  @Test
  void badInputIsOneLine() {
    assertThat(run("--allow-cap", "cap_net_raw").output())
        .isEqualTo("exclusion.monitor: --allow-cap needs --caps (see exclusion.monitor --help)\n");
    assertThat(run("--caps", "--allow-cap", "cap_nonsense").output())
        .isEqualTo(
            "exclusion.monitor: 'cap_nonsense' is not a capability (like cap_net_bind_service, or "
                + "its number) (see exclusion.monitor --help)\n");
  }

  @Test
  void theNewRulesAreNotDefaults() {
    sshd(812, map("r-xp", SSL + " (deleted)"));
    proc.process(500, "ntpd").ids(105, 105).capabilities(1L << 25, 0);
    assertThat(run().output()).isEqualTo("no excluded process: gid0 none (4 processes checked)\n");
    assertThat(run("--gid0", "--stale-code", "--caps").summary())
        .isEqualTo("stale:ssh.service caps:ntpd(500)");
  }
}

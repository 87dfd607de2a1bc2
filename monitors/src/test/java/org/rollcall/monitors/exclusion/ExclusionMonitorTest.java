package org.rollcall.monitors.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.proc.FakeProc;
import org.rollcall.monitors.MonitorRun;

/**
 * exclusion.monitor on fixture trees: every UID/GID mix, SELinux labels, and kernels without them.
 */
class ExclusionMonitorTest {
  @TempDir Path dir;
  FakeProc proc;
  FakeProc.Process init;

  @BeforeEach
  void init() {
    proc = new FakeProc(dir);
    init =
        proc.process(1, "systemd")
            .cpu(0, 0, 1)
            .cmdline("/sbin/init")
            .exe("/usr/lib/systemd/systemd");
  }

  private MonitorRun run(String... args) {
    String[] all =
        Stream.concat(Stream.of("--proc-root", dir.toString()), Stream.of(args))
            .toArray(String[]::new);
    return MonitorRun.of(new ExclusionMonitor(), all);
  }

  static Stream<Arguments> idMixes() {
    int n = 4242;
    return Stream.of(
        Arguments.of(
            "all GIDs 0, no UID 0",
            new int[] {n, n, n, n},
            new int[] {0, 0, 0, 0},
            new int[0],
            true),
        Arguments.of(
            "real GID only", new int[] {n, n, n, n}, new int[] {0, n, n, n}, new int[0], true),
        Arguments.of(
            "effective GID only", new int[] {n, n, n, n}, new int[] {n, 0, n, n}, new int[0], true),
        Arguments.of(
            "saved GID only", new int[] {n, n, n, n}, new int[] {n, n, 0, n}, new int[0], true),
        Arguments.of(
            "filesystem GID only",
            new int[] {n, n, n, n},
            new int[] {n, n, n, 0},
            new int[0],
            true),
        Arguments.of(
            "supplementary group 0",
            new int[] {n, n, n, n},
            new int[] {n, n, n, n},
            new int[] {27, 0},
            true),
        Arguments.of(
            "GID 0 with saved UID 0",
            new int[] {n, n, 0, n},
            new int[] {0, 0, 0, 0},
            new int[0],
            false),
        Arguments.of(
            "GID 0 with real UID 0",
            new int[] {0, n, n, n},
            new int[] {n, 0, n, n},
            new int[0],
            false),
        Arguments.of(
            "root throughout",
            new int[] {0, 0, 0, 0},
            new int[] {0, 0, 0, 0},
            new int[] {0},
            false),
        Arguments.of(
            "no 0 anywhere",
            new int[] {n, n, n, n},
            new int[] {n, n, n, n},
            new int[] {27},
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idMixes")
  void gid0FindsRootsGroupKeptWithoutRootsUser(
      String mix, int[] uids, int[] gids, int[] groups, boolean offends) {
    proc.process(700, "vendord")
        .status(uids, gids, groups)
        .cmdline("vendord", "-f")
        .exe("/opt/v/vendord");
    MonitorRun run = run("--gid0");
    assertThat(run.exit()).isEqualTo(offends ? 1 : 0);
    if (offends) {
      assertThat(run.summary()).isEqualTo("gid0:vendord(700)");
      assertThat(run.lines()).hasSize(2);
      assertThat(run.lines().get(1))
          .startsWith(
              "gid0: vendord(700) holds group 0 without user 0: uid r/e/s/fs "
                  + "4242/4242/4242/4242, gid r/e/s/fs ")
          .endsWith("; exe /opt/v/vendord; args vendord -f");
    } else {
      assertThat(run.output()).isEqualTo("no excluded process: gid0 none (2 processes checked)\n");
    }
  }

  @Test
  void ignoreSupplementaryLooksOnlyAtTheFourGids() {
    proc.process(700, "app")
        .status(new int[] {33, 33, 33, 33}, new int[] {33, 33, 33, 33}, new int[] {0});
    proc.process(701, "app2")
        .status(new int[] {33, 33, 33, 33}, new int[] {33, 0, 33, 33}, new int[] {});
    assertThat(run("--gid0").summary()).isEqualTo("gid0:app(700) gid0:app2(701)");
    assertThat(run("--gid0", "--ignore-supplementary").summary()).isEqualTo("gid0:app2(701)");
  }

  @Test
  void detailLineShowsFullCredentialsLabelExeAndArgs() {
    init.label("system_u:system_r:init_t:s0");
    proc.process(812, "mysqld")
        .cpu(5, 5, 900)
        .cmdline("/usr/sbin/mysqld", "--user=mysql")
        .exe("/usr/sbin/mysqld")
        .status(new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, new int[] {0})
        .label("system_u:system_r:init_t:s0");
    MonitorRun run = run("--single-domain", "init_t");
    assertThat(run.lines())
        .containsExactly(
            "init_t:mysqld(812)",
            "init_t: mysqld(812) runs in SELinux domain init_t, where only systemd(1) may: uid r/e/s/fs "
                + "0(root)/0(root)/0(root)/0(root), gid r/e/s/fs 0(root)/0(root)/0(root)/0(root), groups 0(root); "
                + "label system_u:system_r:init_t:s0; exe /usr/sbin/mysqld; args /usr/sbin/mysqld --user=mysql");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void defaultsOnSelinuxCheckGid0InitTAndInitrcT() {
    init.label("system_u:system_r:init_t:s0");
    proc.process(50, "tor").cpu(0, 0, 500).label("system_u:system_r:init_t:s0");
    proc.process(60, "rc.local").cpu(0, 0, 400).label("system_u:system_r:initrc_t:s0");
    proc.process(70, "sshd").label("system_u:system_r:sshd_t:s0-s0:c0.c1023");
    proc.process(80, "bad").ids(65534, 0).label("system_u:system_r:unconfined_service_t:s0");
    MonitorRun run = run();
    assertThat(run.summary()).isEqualTo("gid0:bad(80) init_t:tor(50) initrc_t:rc.local(60)");
    assertThat(run.lines()).hasSize(4);
    assertThat(run.lines().get(3))
        .startsWith("initrc_t: rc.local(60) runs in forbidden SELinux domain initrc_t: ");
  }

  @Test
  void singleDomainKeepsTheFirstStartedNotTheLowestPid() {
    init.label("kernel_u:system_r:kernel_t:s0");
    proc.process(400, "newer").cpu(0, 0, 9000).label("system_u:system_r:init_t:s0");
    proc.process(900, "older").cpu(0, 0, 100).label("system_u:system_r:init_t:s0");
    assertThat(run("--single-domain", "init_t").summary()).isEqualTo("init_t:newer(400)");
  }

  @Test
  void singleDomainWithNoProcessFails() {
    init.label("system_u:system_r:kernel_t:s0");
    MonitorRun run = run("--single-domain", "init_t", "--forbid-domain", "initrc_t");
    assertThat(run.lines())
        .containsExactly(
            "init_t:none",
            "--single-domain init_t: no process runs in SELinux domain init_t, expected exactly one");
  }

  @Test
  void healthySelinuxSystemPassesWithCounts() {
    init.label("system_u:system_r:init_t:s0");
    proc.process(70, "sshd").label("system_u:system_r:sshd_t:s0");
    MonitorRun run = run();
    assertThat(run.output())
        .isEqualTo(
            "no excluded process: gid0 none, init_t only systemd(1), initrc_t none (2 processes checked)\n");
    assertThat(run.exit()).isZero();
  }

  @Test
  void withoutSelinuxTheDefaultsSkipDomainRulesQuietly() {
    proc.process(70, "sshd");
    MonitorRun run = run();
    assertThat(run.output()).isEqualTo("no excluded process: gid0 none (2 processes checked)\n");
    assertThat(run.exit()).isZero();
  }

  @Test
  void withoutSelinuxAnExplicitDomainRuleFailsClearly() {
    MonitorRun run = run("--gid0", "--forbid-domain", "initrc_t");
    assertThat(run.lines())
        .containsExactly(
            "initrc_t:?",
            "--forbid-domain initrc_t cannot be checked: SELinux "
                + "labels not readable (pid 1: no attr/current: the kernel has no security module labels)");
    assertThat(run.exit()).isEqualTo(1);
    MonitorRun nagios = run("--nagios", "--single-domain", "init_t");
    assertThat(nagios.summary()).isEqualTo("EXCLUSION UNKNOWN: 1 of 1 failed: init_t:?");
    assertThat(nagios.exit()).isEqualTo(3);
  }

  @Test
  void appArmorLabelsAreNotSelinuxLabels() {
    init.label("unconfined");
    assertThat(run("--forbid-domain", "unconfined").lines().get(1))
        .endsWith(
            "SELinux labels not readable (the labels are another security module's, not SELinux's "
                + "(pid 1: 'unconfined'))");
  }

  @Test
  void aLabelThatCannotBeReadLeavesTheRuleUndecided() throws Exception {
    init.label("system_u:system_r:init_t:s0");
    proc.process(66, "odd");
    Files.createDirectory(dir.resolve("66/attr/current"));
    MonitorRun run = run("--forbid-domain", "initrc_t");
    assertThat(run.summary()).isEqualTo("initrc_t:?");
    assertThat(run.lines().get(1))
        .startsWith("--forbid-domain initrc_t cannot be decided for 1 process (")
        .endsWith("): pids 66");
  }

  @Test
  void allowExemptsAKnownVendorDaemonButNotAnImpostor() {
    proc.process(700, "vendord").ids(4242, 0).exe("/opt/vendor/bin/vendord");
    proc.process(701, "vendord").ids(4242, 0).exe("/tmp/vendord");
    MonitorRun run = run("--gid0", "--allow", "/opt/vendor/bin/vendord");
    assertThat(run.summary()).isEqualTo("gid0:vendord(701)");
    assertThat(run("--gid0", "--allow", "vendord").exit()).isZero();
  }

  @Test
  void anAllowThatCannotBeDecidedDoesNotExcuseTheOffender() {
    proc.process(700, "vendord").ids(4242, 0);
    MonitorRun run = run("--gid0", "--allow", "context=vendor_t");
    assertThat(run.summary()).isEqualTo("gid0:vendord(700)");
    assertThat(run.lines().get(1))
        .endsWith(
            "(--allow 'context=vendor_t' undecided: no attr/current: the kernel has "
                + "no security module labels)");
  }

  @Test
  void zombiesRunNothingAndAreSkipped() {
    proc.process(700, "defunct").ids(4242, 0).state('Z');
    assertThat(run("--gid0").exit()).isZero();
  }

  @Test
  void nagiosModeIsCriticalWithACountPerRule() {
    init.label("system_u:system_r:init_t:s0");
    proc.process(80, "bad").ids(65534, 0).label("system_u:system_r:initrc_t:s0");
    MonitorRun run = run("--nagios");
    assertThat(run.summary())
        .isEqualTo(
            "EXCLUSION CRITICAL: 2 of 3 failed: gid0:bad(80) initrc_t:bad(80) "
                + "| gid0=1;;0;0 init_t=1;;1:1;0 initrc_t=1;;0;0");
    assertThat(run.exit()).isEqualTo(2);
  }

  @Test
  void badInputIsOneLine() {
    assertThat(run("--forbid-domain", "init_t", "--single-domain", "init_t").output())
        .isEqualTo(
            "exclusion.monitor: domain init_t is given more than once (see exclusion.monitor --help)\n");
    MonitorRun nagios = run("--nagios", "--allow", "user=no-such-user-here");
    assertThat(nagios.output())
        .startsWith("EXCLUSION UNKNOWN: exclusion.monitor: unknown user 'no-such-user-here'");
    assertThat(nagios.exit()).isEqualTo(3);
    assertThat(run("localhost").exit()).isEqualTo(1);
  }
}

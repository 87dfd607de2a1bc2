package org.rollcall.monitors.nagios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.Launcher;

/**
 * nagios.monitor running real plugins: monitoring-plugins' check_dummy and scripts that misbehave
 * on purpose.
 */
class NagiosMonitorTest {
  private static final Path CHECK_DUMMY = Path.of("/usr/lib/nagios/plugins/check_dummy");

  @TempDir Path dir;

  record Run(int exit, String out) {}

  private static Run run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), code -> {})
            .execute(new NagiosMonitor(), args);
    return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
  }

  private String plugin(String name, String script) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file.toString();
  }

  @Test
  void passesTheRealPluginsStatesOnAsMonExitCodes() {
    assumeTrue(
        Files.isExecutable(CHECK_DUMMY),
        "check_dummy is missing (Debian package monitoring-plugins-basic)");
    assertThat(run("--", CHECK_DUMMY.toString(), "0", "all fine"))
        .isEqualTo(new Run(0, "OK: all fine\n"));
    assertThat(run("--", CHECK_DUMMY.toString(), "1", "disk 91%"))
        .isEqualTo(new Run(0, "WARNING: disk 91%\n"));
    assertThat(run("--warning-fails", "--", CHECK_DUMMY.toString(), "1", "disk 91%"))
        .isEqualTo(new Run(1, "WARNING: disk 91%\n"));
    assertThat(run("--", CHECK_DUMMY.toString(), "2", "disk 99%"))
        .isEqualTo(new Run(2, "CRITICAL: disk 99%\n"));
    assertThat(run("--", CHECK_DUMMY.toString(), "3", "no disk"))
        .isEqualTo(new Run(3, "UNKNOWN: no disk\n"));
  }

  @Test
  void detailsAreTheLongOutputPerfdataAndStderr() throws IOException {
    String check =
        plugin(
            "check_multi",
            "echo 'MULTI CRITICAL: 2 of 3 down | up=1;;;0;3'; echo 'web1 down';"
                + " echo 'web2 down | t=3s'; echo 'oops' >&2; exit 2");
    assertThat(run("--", check))
        .isEqualTo(
            new Run(
                2,
                "MULTI CRITICAL: 2 of 3 down\nweb1 down\nweb2 down\n"
                    + "perfdata: up=1;;;0;3 t=3s\nstderr: oops\n"));
  }

  @Test
  void aHangingPluginIsKilledAtTheDeadlineAndReportedUnknown() throws IOException {
    String check = plugin("check_hang", "echo 'HANG OK: so far'; exec sleep 60");
    long start = System.nanoTime();
    Run run = run("--timeout", "1.5", "--", check);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
    assertThat(run)
        .isEqualTo(
            new Run(
                3, "check_hang did not finish within the --timeout of 1.5 s: HANG OK: so far\n"));
  }

  @Test
  void oddEndingsStillFail() throws IOException {
    assertThat(run("--", plugin("check_silent", "exit 2")))
        .isEqualTo(new Run(2, "check_silent printed nothing\n"));
    assertThat(run("--", plugin("check_killed", "echo 'X OK'; kill -9 $$")))
        .isEqualTo(
            new Run(
                137,
                "X OK\ncheck_killed was killed by signal 9 (SIGKILL), exit code 137 as a shell "
                    + "gives it\n"));
    assertThat(run("--", plugin("check_forged", "printf 'A OK\\033[2J\\nnext\\n'")))
        .isEqualTo(new Run(0, "A OK\\x1b[2J\nnext\n"));
  }

  @Test
  void aPlainExitAbove128IsAnExitNotASignal() throws IOException {
    // It read "exited 255, which is no Nagios state (0-3); killed by signal 127?".
    assertThat(run("--", plugin("check_255", "echo 'X UNKNOWN: odd'; exit 255")))
        .isEqualTo(
            new Run(
                255,
                "X UNKNOWN: odd\ncheck_255 exited with 255, which is no Nagios state (0-3)\n"));
    assertThat(run("--", plugin("check_137", "exit 137")))
        .isEqualTo(
            new Run(
                137,
                "check_137 printed nothing\ncheck_137 exited with 137, which is no Nagios state (0-3)\n"));
  }

  @Test
  void aDoubleForkedChildHoldingTheOutputIsKilledWhenThePluginExits() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    String check =
        plugin(
            "check_fork", "(sleep 60 & echo $! > " + pidFile + ") ; echo 'FORK OK: done'; exit 0");
    long start = System.nanoTime();
    Run run = run("--timeout", "20", "--", check);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThat(run).isEqualTo(new Run(0, "FORK OK: done\n"));
    long child = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(gone(child, 5_000)).as("the orphaned sleep " + child + " is killed").isTrue();
  }

  @Test
  void aSignalNamesThePluginItWaitsForAndKillsIt() throws Exception {
    Path pidFile = dir.resolve("plugin.pid");
    String check =
        plugin(
            "check_wait",
            "echo $$ > " + pidFile + ".tmp; mv " + pidFile + ".tmp " + pidFile + "; exec sleep 60");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    java.util.concurrent.atomic.AtomicInteger halted =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    Launcher launcher =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), halted::set);
    NagiosMonitor monitor = new NagiosMonitor();
    Thread runner = new Thread(() -> launcher.execute(monitor, "--timeout", "30", "--", check));
    runner.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    // The plugin may write its PID before the monitor has noted the process it started.
    while ((!Files.exists(pidFile) || monitor.pending() == null) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    launcher.interrupt("SIGTERM");
    runner.join(10_000);
    assertThat(runner.isAlive()).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "nagios.monitor: interrupted by SIGTERM while "
                + "waiting for the plugin "
                + check
                + ", pid "
                + pid
                + "\n");
    assertThat(halted.get()).isEqualTo(1);
    assertThat(gone(pid, 5_000)).as("the plugin " + pid + " is killed").isTrue();
  }

  /** Whether {@code pid} is gone (or a zombie) within {@code millis}. */
  private static boolean gone(long pid, long millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      Path stat = Path.of("/proc/" + pid + "/stat");
      try {
        String text = Files.readString(stat);
        if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
          return true;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  @Test
  void aFloodOfOutputIsCut() throws IOException {
    Run run =
        run(
            "--",
            plugin("check_flood", "echo 'FLOOD WARNING: chatty'; yes 0123456789 | head -c 200000"));
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("FLOOD WARNING: chatty\n0123456789\n")
        .endsWith("\n(output cut at 65536 bytes)\n")
        .hasSizeLessThan(NagiosMonitor.MAX_OUTPUT_BYTES + 100);
  }

  @Test
  void helpShowsTheExampleAsWritten() {
    Run help = run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains(
            "Example: nagios.monitor -- /usr/lib/nagios/plugins/check_disk -w 10% -c 5% -p /");
  }

  @Test
  void usageErrorsAreOneLine() {
    assertThat(run("--", dir.resolve("no_such_check").toString()))
        .isEqualTo(
            new Run(
                1,
                "nagios.monitor: cannot run "
                    + dir.resolve("no_such_check")
                    + ": No such file or directory (see nagios.monitor --help)\n"));
    assertThat(run()).extracting(Run::exit).isEqualTo(1);
    assertThat(run("--nagios", "--", "/bin/true").out())
        .isEqualTo(
            "NAGIOS UNKNOWN: nagios.monitor: --nagios makes no sense here: run the plugin itself under "
                + "Nagios (see nagios.monitor --help)\n");
  }
}

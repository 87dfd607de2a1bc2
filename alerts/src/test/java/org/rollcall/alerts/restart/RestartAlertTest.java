package org.rollcall.alerts.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.ChildAlert;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.ReliableSender;

/**
 * restart.alert restarting a real process (a sleeper started by a small service script) up to its
 * limit.
 */
class RestartAlertTest {
  @TempDir Path dir;

  private Path service;
  private Path pidFile;

  @BeforeEach
  void writeServiceScript() throws IOException {
    pidFile = dir.resolve("service.pid");
    service = dir.resolve("restart-service");
    Files.writeString(
        service,
        "#!/bin/sh\n"
            + "[ -f "
            + pidFile
            + " ] && kill $(cat "
            + pidFile
            + ") 2>/dev/null\n"
            + "sleep 300 </dev/null >/dev/null 2>&1 &\n"
            + "echo $! > "
            + pidFile
            + "\n"
            + "echo \"$@\" >> "
            + dir.resolve("runs")
            + "\n");
    Files.setPosixFilePermissions(service, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void stopService() throws IOException {
    if (Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
          .ifPresent(ProcessHandle::destroy);
    }
  }

  private InJvmAlert.Result alert(String... flags) {
    Map<String, String> env = new HashMap<>(Map.of("MON_STATEDIR", dir.toString()));
    List<String> args = new java.util.ArrayList<>(List.of(flags));
    args.addAll(
        List.of(
            "-s",
            "svc",
            "-g",
            "local",
            "--max",
            "2",
            "--within",
            "30m",
            "--command",
            service.toString(),
            "--",
            "--from-mon"));
    return InJvmAlert.run(new RestartAlert(), "svc:0\n", env, args.toArray(String[]::new));
  }

  private Optional<ProcessHandle> running() throws IOException {
    return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
        .filter(ProcessHandle::isAlive);
  }

  @Test
  void restartsAKilledProcessThenStopsAtTheLimit() throws Exception {
    InJvmAlert.Result first = alert();
    assertThat(first.exit()).as(first.stdout()).isZero();
    assertThat(first.stdout())
        .isEqualTo(
            "restart.alert: handled ALERT local/svc: svc:0 - restarted with "
                + service
                + " --from-mon (restart 1 of at most 2 within 30m)\n");
    ProcessHandle firstProcess = running().orElseThrow();

    firstProcess.destroyForcibly();
    firstProcess.onExit().get();
    InJvmAlert.Result second = alert();
    assertThat(second.stdout()).contains("(restart 2 of at most 2 within 30m)");
    ProcessHandle secondProcess = running().orElseThrow();
    assertThat(secondProcess.pid()).isNotEqualTo(firstProcess.pid());

    secondProcess.destroyForcibly();
    secondProcess.onExit().get();
    InJvmAlert.Result third = alert();
    assertThat(third.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(third.stdout())
        .startsWith(
            "restart.alert: NOT delivered ALERT local/svc: svc:0: RESTART LIMIT "
                + "REACHED, not restarting: "
                + service
                + " --from-mon already ran 2 times in the last 30m")
        .contains("saved in " + dir.resolve("rollcall-undelivered.log"));
    assertThat(running()).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("runs"))).containsExactly("--from-mon", "--from-mon");
    assertThat(Files.readString(dir.resolve("rollcall-undelivered.log")))
        .contains("RESTART LIMIT REACHED");
    Path ledger;
    try (var files = Files.list(dir)) {
      ledger =
          files
              .filter(f -> f.getFileName().toString().startsWith("restart-restart-service-"))
              .findFirst()
              .orElseThrow();
    }
    assertThat(Files.readAllLines(ledger))
        .extracting(line -> line.split(" ")[1])
        .containsExactly("restart", "result", "restart", "result", "limit");
  }

  @Test
  void anUpalertRestartsNothing() throws Exception {
    InJvmAlert.Result result = alert("-u");

    assertThat(result.exit()).isZero();
    assertThat(result.stdout())
        .isEqualTo(
            "restart.alert: handled UPALERT local/svc: svc:0 - nothing to restart "
                + "(up alert)\n");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void aFailingRestartIsSavedAndNotRetried() throws Exception {
    Files.writeString(
        service,
        "#!/bin/sh\necho \"$@\" >> " + dir.resolve("runs") + "\necho 'unit not found'\nexit 5\n");

    InJvmAlert.Result result = alert();

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains(service + " --from-mon exited with 5: unit not found (1 attempt)");
    assertThat(Files.readAllLines(dir.resolve("runs"))).hasSize(1);
  }

  @Test
  void systemdUnitsAreRestartedWithSystemctl() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path systemctl = bin.resolve("systemctl");
    Files.writeString(
        systemctl, "#!/bin/sh\necho \"$@\" > " + dir.resolve("systemctl-args") + "\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));

    ChildAlert.Result result =
        ChildAlert.run(
            ChildAlert.command(
                "restart.alert",
                "--systemd",
                "ssh.service",
                "--state-dir",
                dir.toString(),
                "-s",
                "ssh",
                "-g",
                "local"),
            "ssh:0\n".getBytes(),
            Map.of("PATH", bin + ":" + System.getenv("PATH"), "MON_ALERTTYPE", "failure"));

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(result.stdout())
        .contains(
            "restarted with systemctl restart ssh.service (restart 1 of at most 3 within 1h)");
    assertThat(Files.readString(dir.resolve("systemctl-args"))).isEqualTo("restart ssh.service\n");
  }

  /**
   * The launcher gives the JVM a UTF-8 LC_CTYPE and notes the caller's: the restart command gets
   * the caller's.
   */
  @Test
  void theRestartCommandRunsInTheCallersLocale() throws Exception {
    Path command = dir.resolve("locale-service");
    Files.writeString(
        command,
        "#!/bin/sh\necho \"${LC_CTYPE-unset} ${ROLLCALL_CALLER_LOCALE-unset}\" > "
            + dir.resolve("locale")
            + "\n");
    Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));

    ChildAlert.Result result =
        ChildAlert.run(
            ChildAlert.command(
                "restart.alert",
                "--command",
                command.toString(),
                "--state-dir",
                dir.toString(),
                "-s",
                "svc",
                "-g",
                "local"),
            "svc:0\n".getBytes(),
            Map.of(
                "LC_CTYPE",
                "C.UTF-8",
                "ROLLCALL_CALLER_LOCALE",
                "LC_CTYPE=POSIX",
                "MON_ALERTTYPE",
                "failure"));

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(Files.readString(dir.resolve("locale"))).isEqualTo("POSIX unset\n");
  }

  @Test
  void aUnitNameThatIsAnOptionIsRefused() {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new RestartAlert(),
            "ssh:0\n",
            Map.of("MON_STATEDIR", dir.toString()),
            "--systemd=--all",
            "-s",
            "ssh",
            "-g",
            "local");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("cannot deliver: --systemd wants one unit name such as ssh.service");
  }

  @Test
  void aLedgerLinkPlantedByAnotherUserIsNotFollowed() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor();
    Path secret = Files.writeString(dir.resolve("root-only"), "root's own\n");
    Path link = new RestartTarget(List.of("/bin/true"), "true").ledgerIn(shared);
    Process plant =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "ln",
                "-s",
                secret.toString(),
                link.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(plant.waitFor()).as(new String(plant.getInputStream().readAllBytes())).isZero();

    InJvmAlert.Result result =
        InJvmAlert.run(
            new RestartAlert(),
            "ssh:0\n",
            Map.of(),
            "--command",
            "/bin/true",
            "--state-dir",
            shared.toString(),
            "--fallback",
            dir.resolve("fallback.log").toString(),
            "-s",
            "ps",
            "-g",
            "local");

    assertThat(Files.readString(secret)).isEqualTo("root's own\n");
    assertThat(result.stdout())
        .contains(
            "the restart record "
                + link
                + " cannot be trusted (it is a symbolic link "
                + "(to "
                + secret
                + "))");
  }

  /**
   * Without --, mon's own -t in the arguments was taken out of the command: /bin/echo hello ran.
   */
  @Test
  void argumentsWithoutTheirDoubleDashAreRefusedAndTheAlertKept() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new RestartAlert(),
            "svc:0\n",
            Map.of("MON_STATEDIR", dir.toString(), "MON_ALERTTYPE", "failure"),
            "-s",
            "svc",
            "-g",
            "local",
            "--command",
            service.toString(),
            "-t",
            "5",
            "hello");

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout()).contains("put -- before the arguments of --command " + service);
    assertThat(Files.exists(dir.resolve("runs"))).as("the command ran").isFalse();
    assertThat(Files.readString(dir.resolve("rollcall-undelivered.log"))).contains("put -- before");
  }

  /**
   * A restart script that hangs: at the deadline it is killed with the sleeper it still holds,
   * while the daemon it started and that detached (setsid, now init's child) keeps running.
   */
  @Test
  void aHangingRestartIsKilledWithWhatItHoldsButNotTheDaemonItDetached() throws Exception {
    Path attached = dir.resolve("attached.pid");
    Path detached = dir.resolve("detached.pid");
    Files.writeString(
        service,
        "#!/bin/sh\n"
            + "setsid -f sh -c 'echo $$ > "
            + detached
            + "; exec sleep 301' </dev/null >/dev/null 2>&1\n"
            + "sleep 302 </dev/null >/dev/null 2>&1 &\n"
            + "echo $! > "
            + attached
            + "\n"
            + "sleep 303\n");
    try {
      InJvmAlert.Result result =
          InJvmAlert.run(
              new RestartAlert(),
              "svc:0\n",
              Map.of("MON_STATEDIR", dir.toString()),
              "-s",
              "svc",
              "-g",
              "local",
              "--timeout",
              "2",
              "--command",
              service.toString());

      assertThat(result.stdout())
          .contains(service + " did not finish within ")
          .contains(" s, what the alert's --timeout left it (killed)");
      ProcessHandle sleeper =
          ProcessHandle.of(Long.parseLong(Files.readString(attached).trim())).orElse(null);
      if (sleeper != null) {
        assertThat(sleeper.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS).isAlive())
            .isFalse();
      }
      assertThat(ProcessHandle.of(Long.parseLong(Files.readString(detached).trim())))
          .as("the detached daemon")
          .hasValueSatisfying(daemon -> assertThat(daemon.isAlive()).isTrue());
    } finally {
      if (Files.exists(detached)) {
        ProcessHandle.of(Long.parseLong(Files.readString(detached).trim()))
            .ifPresent(ProcessHandle::destroy);
      }
    }
  }
}

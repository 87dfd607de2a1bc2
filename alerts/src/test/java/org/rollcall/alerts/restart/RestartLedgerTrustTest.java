package org.rollcall.alerts.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.ReliableSender;

/**
 * A restart ledger that another user planted or could swap, or that is not a ledger, stops the
 * restart with the reason (the alert goes to the fallback file): a broken count is never read as
 * "no restarts yet".
 */
class RestartLedgerTrustTest {
  @TempDir Path dir;

  private Path command;
  private Path runs;

  @BeforeEach
  void writeCommand() throws IOException {
    runs = dir.resolve("runs");
    command = dir.resolve("restart-it");
    Files.writeString(command, "#!/bin/sh\necho ran >> " + runs + "\n");
    Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
  }

  private Path ledgerIn(Path stateDir) {
    return new RestartTarget(List.of(command.toString()), command.getFileName().toString())
        .ledgerIn(stateDir);
  }

  private InJvmAlert.Result alert(Path stateDir) {
    return InJvmAlert.run(
        new RestartAlert(),
        "svc:0\n",
        Map.of(),
        "-s",
        "svc",
        "-g",
        "local",
        "--max",
        "2",
        "--state-dir",
        stateDir.toString(),
        "--fallback",
        dir.resolve("fallback.log").toString(),
        "--command",
        command.toString());
  }

  private void assertRefused(InJvmAlert.Result result, Path ledger, String reason)
      throws IOException {
    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains(
            "not restarting "
                + command
                + ": the restart record "
                + ledger
                + " cannot be trusted ("
                + reason);
    assertThat(runs).as("the command ran").doesNotExist();
    assertThat(Files.readString(dir.resolve("fallback.log"))).contains("cannot be trusted");
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor()).as(new String(process.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void aLedgerAnotherUserWroteIsRefused() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    run("chmod", "755", dir.toString());
    run("chmod", "1777", shared.toString());
    Path ledger = ledgerIn(shared);
    run(
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "sh",
        "-c",
        "umask 077; : > \"$1\"",
        "sh",
        ledger.toString());

    assertRefused(alert(shared), ledger, "it is owned by uid 65534, not by this user (uid 0))");
    assertThat(Files.size(ledger)).isZero();
  }

  @Test
  void aLedgerInADirectoryOthersCanRenameInIsRefused() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"));
    run("chmod", "0777", open.toString());

    assertRefused(
        alert(open),
        ledgerIn(open),
        "its directory "
            + open
            + " is writable by group or others "
            + "without the sticky bit (mode 777))");
  }

  @Test
  void aSecondHardLinkIsRefused() throws Exception {
    Path ledger = ledgerIn(dir);
    Files.writeString(ledger, "");
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-------"));
    Files.createLink(dir.resolve("elsewhere"), ledger);

    assertRefused(alert(dir), ledger, "it has 2 hard links, and one may be another user's file)");
  }

  @Test
  void aGarbageLedgerMeansNoRestart() throws Exception {
    Path ledger = ledgerIn(dir);
    Files.write(ledger, new byte[] {'\u0000', '\u0001', 'x', '\n'});
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-------"));

    assertRefused(
        alert(dir),
        ledger,
        "it is not a restart ledger (a line is not a ledger line: \"\\x00\\x01x\"); "
            + "no restart until a person repairs or removes it)");
  }

  @Test
  void aLedgerOfManyMegabytesStillCountsItsRecentRestarts() throws Exception {
    Path ledger = ledgerIn(dir);
    String old = (Instant.now().getEpochSecond() - 86_400) + " restart ALERT local/svc: svc:0\n";
    String recent = Instant.now().getEpochSecond() - 60 + " restart ALERT local/svc: svc:0\n";
    Files.writeString(
        ledger, old.repeat(3 * RestartLedger.TAIL_BYTES / old.length()) + recent + recent);
    Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rw-------"));

    InJvmAlert.Result result = alert(dir);

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains(
            "RESTART LIMIT REACHED, not restarting: "
                + command
                + " already ran 2 "
                + "times in the last 1h");
    assertThat(runs).doesNotExist();
  }

  @Test
  void aNewLedgerIsTheUsersAlone() throws Exception {
    InJvmAlert.Result result = alert(dir);

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(Files.readAllLines(runs)).containsExactly("ran");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ledgerIn(dir))))
        .isEqualTo("rw-------");
  }
}

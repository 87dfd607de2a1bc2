package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.file.FileAlert;

/**
 * The fallback file and file.alert on a disk that is full or nearly so (a 64 KiB tmpfs): a record
 * lands whole or not at all, and stdout, syslog and the exit code say which. Never a cut record,
 * never a claim it was saved.
 */
class FullDiskTest {
  /** About 10 KB of details: more than the one page left. */
  static final String BIG =
      "sshd:0\n" + "sshd:1- has 0 matching processes, expected at least 1\n".repeat(200);

  /** Fits in one page with the fallback's header line. */
  static final String SMALL = "sshd:0\nsshd:1- has 0 matching processes, expected at least 1\n";

  @TempDir Path dir;

  private Path missing() {
    return dir.resolve("missing");
  }

  /**
   * file.alert to a directory that does not exist: a delivery that fails at once, so the fallback
   * is used.
   */
  private InJvmAlert.Result undeliverable(String stdin, Path fallback) {
    return InJvmAlert.run(
        new FileAlert(),
        stdin,
        Map.of("MON_ALERTTYPE", "failure"),
        "-d",
        missing().toString(),
        "-s",
        "ps",
        "-g",
        "local",
        "-t",
        "1700000000",
        "--fallback",
        fallback.toString(),
        "alerts.log");
  }

  @Test
  void aRecordLargerThanTheRoomLeftIsNotSavedInPartAndTheAlertSaysSo() throws Exception {
    try (SmallTmpfs disk = new SmallTmpfs(dir).fillLeaving(1)) {
      Path fallback = disk.dir().resolve("undelivered.log");
      InJvmAlert.Result result = undeliverable(BIG, fallback);

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.LOST);
      assertThat(result.stdout())
          .isEqualTo(
              "file.alert: NOT delivered ALERT local/ps: sshd:0: cannot append to "
                  + missing().resolve("alerts.log")
                  + ": no such directory (1 attempt); and could not save it in "
                  + fallback
                  + ": No space left on device\n");
      assertThat(Files.exists(fallback) ? Files.size(fallback) : 0)
          .as("bytes of a cut record")
          .isZero();
      assertThat(disk.free()).as("the page left is free again").isEqualTo(SmallTmpfs.PAGE);
    }
  }

  @Test
  void aFullDiskIsSaidOnStdoutInSyslogAndByTheExitCode() throws Exception {
    try (SmallTmpfs disk = new SmallTmpfs(dir).fillLeaving(0);
        PrivateDevLog log = new PrivateDevLog(dir)) {
      Path fallback = disk.dir().resolve("undelivered.log");
      ChildAlert.Result result =
          ChildAlert.run(
              log.wrap(
                  ChildAlert.command(
                      "file.alert",
                      "-d",
                      missing().toString(),
                      "-s",
                      "ps",
                      "-g",
                      "local",
                      "-t",
                      "1700000000",
                      "--fallback",
                      fallback.toString(),
                      "alerts.log")),
              SMALL.getBytes(StandardCharsets.UTF_8),
              Map.of("MON_ALERTTYPE", "failure"));

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.LOST);
      assertThat(result.stdout())
          .endsWith("; and could not save it in " + fallback + ": No space left on device\n")
          .doesNotContain("saved in");
      assertThat(log.nextRecord())
          .matches(
              "<27>.* rollcall\\[\\d+\\]: file.alert: undelivered ALERT local/ps: "
                  + "sshd:0: cannot append to .*/missing/alerts.log: no such directory \\(1 attempt\\); could NOT save it in "
                  + ".*/undelivered.log either \\(No space left on device\\)");
      assertThat(Files.exists(fallback) ? Files.size(fallback) : 0).isZero();
    }
  }

  @Test
  void justEnoughRoomTakesTheWholeRecord() throws Exception {
    try (SmallTmpfs disk = new SmallTmpfs(dir).fillLeaving(1)) {
      Path fallback = disk.dir().resolve("undelivered.log");
      InJvmAlert.Result result = undeliverable(SMALL, fallback);

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout()).endsWith("; saved in " + fallback + "\n");
      String saved = Files.readString(fallback);
      assertThat(saved)
          .startsWith("UNDELIVERED file.alert ")
          .contains("\nfailure local ps 1700000000 (")
          .endsWith(
              ") sshd:0\nDESCR=\nOPSTATUS=UNKNOWN OPSTATUS\nsshd:1- has 0 matching processes, expected at "
                  + "least 1\n.\n");
    }
  }

  @Test
  void fileAlertOnAFullDiskLeavesNoCutRecordAndFallsBack() throws Exception {
    try (SmallTmpfs disk = new SmallTmpfs(dir).fillLeaving(1)) {
      Path fallback = dir.resolve("undelivered.log");
      Path log = disk.dir().resolve("alerts.log");
      Files.writeString(log, "an earlier record\n.\n");
      InJvmAlert.Result result =
          InJvmAlert.run(
              new FileAlert(),
              BIG,
              Map.of("MON_ALERTTYPE", "failure"),
              "-d",
              disk.dir().toString(),
              "-s",
              "ps",
              "-g",
              "local",
              "-t",
              "1700000000",
              "--timeout",
              "4",
              "--fallback",
              fallback.toString(),
              "alerts.log");

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout())
          .isEqualTo(
              "file.alert: NOT delivered ALERT local/ps: sshd:0: cannot append to "
                  + log
                  + ": IO No space left on device (2 attempts); saved in "
                  + fallback
                  + "\n");
      assertThat(Files.readString(log)).isEqualTo("an earlier record\n.\n");
      assertThat(Files.readString(fallback))
          .contains("\nfailure local ps 1700000000 (")
          .endsWith("least 1\n.\n");

      InJvmAlert.Result fits =
          InJvmAlert.run(
              new FileAlert(),
              SMALL,
              Map.of("MON_ALERTTYPE", "failure"),
              "-d",
              disk.dir().toString(),
              "-s",
              "ps",
              "-g",
              "local",
              "-t",
              "1700000000",
              "alerts.log");
      assertThat(fits.exit()).as(fits.stdout()).isZero();
      assertThat(Files.readString(log))
          .startsWith("an earlier record\n.\nfailure local ps 1700000000 (")
          .endsWith("least 1\n.\n");
    }
  }
}

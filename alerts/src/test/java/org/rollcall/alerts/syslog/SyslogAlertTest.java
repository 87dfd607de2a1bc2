package org.rollcall.alerts.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.ChildAlert;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.PrivateDevLog;
import org.rollcall.alerts.ReliableSender;

class SyslogAlertTest {
  @TempDir Path dir;

  @Test
  void logsOneRecordWithFacilityPriorityTagAndEscapedDetails() throws Exception {
    try (PrivateDevLog log = new PrivateDevLog(dir)) {
      ChildAlert.Result result =
          ChildAlert.run(
              log.wrap(
                  ChildAlert.command(
                      "syslog.alert",
                      "-s",
                      "ps",
                      "-g",
                      "local",
                      "--facility",
                      "local3",
                      "--tag",
                      "mon-test",
                      "--details")),
              "sshd:0 \u001b[2J\nsshd:1- has 0\n\nfake\rline\n".getBytes(StandardCharsets.UTF_8),
              Map.of("MON_ALERTTYPE", "failure"));

      assertThat(result.exit()).as(result.stdout()).isZero();
      assertThat(result.stdout())
          .isEqualTo(
              "syslog.alert: sent ALERT local/ps: sshd:0 \\x1b[2J to syslog "
                  + "(local3.err, tag mon-test)\n");
      // local3 (19) * 8 + err (3) = 155
      assertThat(log.nextRecord())
          .matches("<155>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d mon-test\\[\\d+\\]: .*")
          .endsWith(": ALERT local/ps: sshd:0 \\x1b[2J | sshd:1- has 0 | fake\\rline");
    }
  }

  @Test
  void anUpalertIsANoticeWithoutDetailsByDefault() throws Exception {
    try (PrivateDevLog log = new PrivateDevLog(dir)) {
      ChildAlert.Result result =
          ChildAlert.run(
              log.wrap(ChildAlert.command("syslog.alert", "-u", "-s", "ps", "-g", "local")),
              "sshd:0\ndetail\n".getBytes(StandardCharsets.UTF_8),
              Map.of());

      assertThat(result.exit()).as(result.stdout()).isZero();
      // daemon (3) * 8 + notice (5) = 29
      assertThat(log.nextRecord()).matches("<29>.* mon\\[\\d+\\]: UPALERT local/ps: sshd:0");
    }
  }

  @Test
  void aFailedDeliveryIsAnnouncedInSyslogAndSavedInTheFallback() throws Exception {
    Path fallback = dir.resolve("state/undelivered.log");
    try (PrivateDevLog log = new PrivateDevLog(dir)) {
      ChildAlert.Result result =
          ChildAlert.run(
              log.wrap(
                  ChildAlert.command(
                      "file.alert",
                      "-d",
                      dir.resolve("missing").toString(),
                      "-s",
                      "ps",
                      "-g",
                      "local",
                      "-t",
                      "1700000000",
                      "alerts.log")),
              "sshd:0\n".getBytes(StandardCharsets.UTF_8),
              Map.of("MON_STATEDIR", dir.resolve("state").toString()));

      assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(Files.readString(dir.resolve("state/rollcall-undelivered.log")))
          .contains("ps 1700000000 (");
      assertThat(fallback).doesNotExist();
      assertThat(log.nextRecord())
          .matches(
              "<27>.* rollcall\\[\\d+\\]: file.alert: undelivered ALERT local/ps: "
                  + "sshd:0: cannot append to .*/missing/alerts.log: no such directory \\(1 attempt\\); saved in "
                  + ".*/state/rollcall-undelivered.log");
    }
  }

  @Test
  void anUnknownFacilityStillSavesTheAlert() {
    Path fallback = dir.resolve("fallback.log");
    InJvmAlert.Result result =
        InJvmAlert.run(
            new SyslogAlert(),
            "sshd:0\n",
            Map.of(),
            "--facility",
            "local9",
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout()).contains("cannot deliver: unknown syslog facility 'local9'");
    assertThat(fallback).content().contains("sshd:0");
  }
}

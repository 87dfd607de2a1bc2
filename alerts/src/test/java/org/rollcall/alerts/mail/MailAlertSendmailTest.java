package org.rollcall.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.ReliableSender;

/**
 * mail.alert's default path: a real process run as sendmail (a script recording its arguments and
 * input, then exiting as told), to check what mail.alert hands the MTA and how it treats the MTA's
 * exit status.
 */
class MailAlertSendmailTest {
  @TempDir Path dir;

  private Path sendmail(int exit) throws Exception {
    Path script = dir.resolve("sendmail");
    Files.writeString(
        script,
        "#!/bin/sh\necho \"$@\" >> "
            + dir.resolve("args")
            + "\ncat > "
            + dir.resolve("mail")
            + "\necho 'sendmail: queue is full' >&2\nexit "
            + exit
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void pipesAMimeMessageToSendmailOiT() throws Exception {
    Path sendmail = sendmail(0);
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\ndetail\n",
            Map.of(),
            "--sendmail",
            sendmail.toString(),
            "-f",
            "mon@example.org",
            "-s",
            "ps",
            "-g",
            "local",
            "-t",
            "1700000000",
            "root",
            "ops");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(result.stdout()).endsWith(" to root,ops via " + sendmail + "\n");
    assertThat(Files.readString(dir.resolve("args")))
        .isEqualTo("-oi -t -f mon@example.org -F mon@example.org\n");
    try (InputStream in = Files.newInputStream(dir.resolve("mail"))) {
      MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(mail.getHeader("To")[0]).isEqualTo("root, ops");
      assertThat(mail.getSubject()).startsWith("ALERT local/ps: sshd:0 (");
      assertThat(mail.getHeader("MIME-Version")[0]).isEqualTo("1.0");
      assertThat((String) mail.getContent()).endsWith("-------------------------------\ndetail\n");
    }
  }

  /**
   * A sendmail that hangs without reading its input (a wedged MTA) and has started a child: a mail
   * larger than a pipe holds must not block the alert past its deadline, and nothing it started may
   * outlive the run.
   */
  @Test
  void aHungSendmailIsKilledWithItsChildrenAndTheAlertSaved() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    Path script = dir.resolve("sendmail");
    Files.writeString(script, "#!/bin/sh\nsleep 300 &\necho $! > " + pidFile + "\nsleep 300\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path fallback = dir.resolve("fallback.log");
    String details = "sshd:1- has 0 matching processes, expected at least 1\n".repeat(4000);

    long start = System.nanoTime();
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n" + details,
            Map.of(),
            "--sendmail",
            script.toString(),
            "--timeout",
            "4",
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    // Killed at the attempt's deadline, or (on a loaded machine, where killing and reaping take
    // longer than the grace) abandoned by the sender: either way the alert is saved in time, and
    // sendmail and its child end.
    assertThat(result.stdout())
        .containsAnyOf(script + " did not finish within", "the attempt was abandoned")
        .contains("saved in " + fallback);
    assertThat(tookMillis).isLessThan(4000);
    assertThat(fallback).content().endsWith(details + ".\n");
    long child = Long.parseLong(Files.readString(pidFile).trim());
    for (int i = 0; i < 50 && running(child); i++) {
      Thread.sleep(100);
    }
    assertThat(running(child)).as("sendmail's child").isFalse();
  }

  /**
   * Whether {@code pid} still runs: a zombie (killed, waiting for PID 1 to reap it) runs nothing.
   */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException gone) {
      return false;
    }
  }

  @Test
  void aTemporaryFailureIsRetriedThreeTimes() throws Exception {
    Path fallback = dir.resolve("fallback.log");
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--sendmail",
            sendmail(75).toString(),
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("exited with 75: sendmail: queue is full (3 attempts); saved in");
    assertThat(Files.readAllLines(dir.resolve("args"))).hasSize(3);
    assertThat(fallback).content().startsWith("UNDELIVERED mail.alert ");
  }

  @Test
  void aPermanentFailureIsNotRetried() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--sendmail",
            sendmail(67).toString(),
            "--fallback",
            dir.resolve("fallback.log").toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout()).contains("exited with 67: sendmail: queue is full (1 attempt)");
    assertThat(Files.readAllLines(dir.resolve("args"))).hasSize(1);
  }

  @Test
  void aMissingSendmailEndsInTheFallback() {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--sendmail",
            dir.resolve("no-sendmail").toString(),
            "--fallback",
            dir.resolve("fallback.log").toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout()).contains("cannot run " + dir.resolve("no-sendmail"));
    assertThat(dir.resolve("fallback.log")).exists();
  }
}

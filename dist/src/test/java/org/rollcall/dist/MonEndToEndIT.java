package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The installed .deb under the real mon daemon: ps.monitor watches a process; ssh.monitor,
 * port.monitor and nagios.monitor (check_ssh) watch a real sshd; file.alert (rollcall's when the
 * package has one, mon's otherwise) records alerts and upalerts, and mail.alert sends them to a
 * real SMTP server on loopback. The watches below are docs/mon.md's mon.cf example.
 */
class MonEndToEndIT extends InstalledPackage {
  static final Duration INTERVAL = Duration.ofSeconds(2);

  /**
   * Two intervals, plus a second for the JVM runs and mon's own scheduling on a busy two-core
   * machine.
   */
  static final Duration ALERT_WITHIN = INTERVAL.multipliedBy(2).plusSeconds(1);

  @Test
  void monAlertsOnAKilledProcessAndADeadSshdAndUpalertsWhenTheyAreBack() throws Exception {
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    AlertLog alerts = new AlertLog(dir.resolve("alerts.log"));
    AlertLog criticals = new AlertLog(dir.resolve("critical.log"));
    AlertLog unknowns = new AlertLog(dir.resolve("unknown.log"));
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (Sleeper daemon = new Sleeper(dir.resolve("bin")).start();
        Sshd sshd = new Sshd(dir).start();
        MonDaemon mon =
            MonDaemon.start(dir, watches(daemon.name(), sshd.port(), smtp.getSmtp().getPort()))) {
      Thread.sleep(INTERVAL.multipliedBy(2).toMillis());
      assertThat(mon.running()).as(Files.readString(dir.resolve("mon.out"))).isTrue();
      assertThat(alerts.lines()).as("alerts while all was well").isEmpty();

      daemon.stop();
      long killed = System.nanoTime();
      Optional<String> down =
          alerts.await(
              0,
              line -> line.contains(" processes ") && line.contains(daemon.name() + ":0"),
              ALERT_WITHIN);
      assertThat(down)
          .as("alert for the killed process in %s:\n%s", alerts.file(), alerts.lines())
          .isPresent();
      report("process killed -> alert", killed);

      int seen = alerts.lines().size();
      daemon.start();
      long restarted = System.nanoTime();
      assertThat(
              alerts.await(
                  seen, line -> line.matches("(?i)(up|upalert)\\b.* processes .*"), ALERT_WITHIN))
          .as("upalert for the restarted process:\n%s", alerts.lines())
          .isPresent();
      report("process back -> upalert", restarted);
      smtp.waitForIncomingEmail(ALERT_WITHIN.toMillis(), 2);
      assertThat(subjects(smtp))
          .as("mail.alert's messages")
          .anyMatch(
              subject -> subject.startsWith("ALERT local/processes: " + daemon.name() + ":0 ("))
          .anyMatch(subject -> subject.startsWith("UPALERT local/processes: "));

      sshd.stop();
      long sshdKilled = System.nanoTime();
      assertThat(
              alerts.await(
                  seen, line -> line.matches("failure local ssh \\d+ .*localhost$"), ALERT_WITHIN))
          .as("ssh.monitor's alert, summary = the failing host:%n%s", alerts.lines())
          .isPresent();
      assertThat(
              alerts.await(
                  seen,
                  line -> line.matches("failure local ssh-port \\d+ .*localhost$"),
                  ALERT_WITHIN))
          .as("port.monitor's alert:%n%s", alerts.lines())
          .isPresent();
      Optional<String> critical = criticals.await(0, line -> line.contains(" sshd "), ALERT_WITHIN);
      assertThat(critical)
          .as("the exit=2 alert for the dead sshd:\n%s", alerts.lines())
          .isPresent();
      assertThat(critical.get()).contains("Connection refused");
      report("sshd killed -> exit=2 alert", sshdKilled);

      seen = alerts.lines().size();
      sshd.start();
      long sshdBack = System.nanoTime();
      assertThat(
              alerts.await(
                  seen, line -> line.matches("(?i)(up|upalert)\\b.* sshd .*"), ALERT_WITHIN))
          .as("upalert for sshd:\n%s", alerts.lines())
          .isPresent();
      assertThat(
              alerts.await(
                  seen, line -> line.matches("(?i)(up|upalert)\\b.* ssh .*"), ALERT_WITHIN))
          .as("upalert from ssh.monitor:\n%s", alerts.lines())
          .isPresent();
      assertThat(
              alerts.await(
                  seen, line -> line.matches("(?i)(up|upalert)\\b.* ssh-port .*"), ALERT_WITHIN))
          .as("upalert from port.monitor:\n%s", alerts.lines())
          .isPresent();
      report("sshd back -> upalert", sshdBack);
      assertThat(unknowns.lines()).as("exit=3 alerts").isEmpty();
      System.out.println("mon e2e: the alert log\n" + String.join("\n", alerts.lines()));
    } finally {
      smtp.stop();
    }
  }

  private static List<String> subjects(GreenMail smtp) throws MessagingException {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      subjects.add(message.getSubject());
    }
    return subjects;
  }

  /** docs/mon.md's mon.cf watches, with this test's process name, port and log files. */
  private static String watches(String processName, int sshPort, int smtpPort) throws IOException {
    String template =
        new String(
            MonEndToEndIT.class.getResourceAsStream("mon-watches.cf").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    return template
        .replace("@PROCESS@", processName)
        .replace("@SSH_PORT@", Integer.toString(sshPort))
        .replace("@SMTP_PORT@", Integer.toString(smtpPort))
        .replace("@ALERTS@", dir.resolve("alerts.log").toString())
        .replace("@CRITICAL@", dir.resolve("critical.log").toString())
        .replace("@UNKNOWN@", dir.resolve("unknown.log").toString())
        .replace("@INTERVAL@", INTERVAL.toSeconds() + "s");
  }

  private static void report(String what, long sinceNanos) {
    System.out.printf("mon e2e: %s in %d ms%n", what, (System.nanoTime() - sinceNanos) / 1_000_000);
  }
}

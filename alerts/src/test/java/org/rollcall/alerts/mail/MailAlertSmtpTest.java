package org.rollcall.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.MonTime;
import org.rollcall.alerts.ReliableSender;

/** mail.alert --smtp against GreenMail, a real SMTP server in this JVM on a loopback port. */
class MailAlertSmtpTest {
  @TempDir Path dir;

  private GreenMail server;
  private String smtp;

  @BeforeEach
  void startServer() {
    server =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(
                GreenMailConfiguration.aConfig().withUser("alerts@localhost", "mon", "s3cret"));
    server.start();
    smtp = "127.0.0.1:" + server.getSmtp().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void aCrlfSummaryHasNoCarriageReturnInTheSubject() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\r\ndetail\r\n",
            Map.of(),
            "--smtp",
            smtp,
            "-s",
            "ps",
            "-g",
            "local",
            "-t",
            "1700000000",
            "root@localhost");

    assertThat(result.stdout())
        .startsWith("mail.alert: sent ALERT local/ps: sshd:0 to root@localhost");
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
    String when = MonTime.shortForm(1700000000, ZoneId.systemDefault());
    assertThat(server.getReceivedMessages()[0].getSubject())
        .isEqualTo("ALERT local/ps: sshd:0 (" + when + ")");
  }

  @Test
  void theOneLineQuotesTwoHundredCharactersOfAHugeSummaryTheMailAll() throws Exception {
    String summary = "x".repeat(5000);
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            summary + "\n",
            Map.of(),
            "--smtp",
            smtp,
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost");

    assertThat(result.stdout())
        .isEqualTo(
            "mail.alert: sent ALERT local/ps: "
                + "x".repeat(200)
                + "... to "
                + "root@localhost via SMTP "
                + smtp
                + "\n");
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(server.getReceivedMessages()[0].getSubject()).contains(summary);
  }

  @Test
  void sendsMonsSubjectAndBodyWithUtf8Headers() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0 caf\u00e9d:0\nsshd:1- has 0 matching\n",
            Map.of("MON_ALERTTYPE", "failure"),
            "--smtp",
            smtp,
            "-f",
            "mon@example.org",
            "-s",
            "ps",
            "-g",
            "local",
            "-h",
            "localhost",
            "-t",
            "1700000000",
            "-l",
            "600",
            "root@localhost",
            "ops@localhost");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(result.stdout())
        .isEqualTo(
            "mail.alert: sent ALERT local/ps: sshd:0 caf\u00e9d:0 to "
                + "root@localhost,ops@localhost via SMTP "
                + smtp
                + "\n");
    assertThat(server.waitForIncomingEmail(5000, 2)).isTrue();
    MimeMessage mail = server.getReceivedMessages()[0];
    String when = MonTime.shortForm(1700000000, ZoneId.systemDefault());
    assertThat(mail.getSubject()).isEqualTo("ALERT local/ps: sshd:0 caf\u00e9d:0 (" + when + ")");
    assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    assertThat(mail.getFrom()).extracting(Address::toString).containsExactly("mon@example.org");
    assertThat(mail.getHeader("To")[0]).isEqualTo("root@localhost, ops@localhost");
    assertThat(mail.getContentType()).isEqualTo("text/plain; charset=UTF-8");
    // The server takes the body's last line break as part of the end-of-data mark.
    assertThat(((String) mail.getContent()).replace("\r\n", "\n") + "\n")
        .isEqualTo(
            "\n"
                + "Group                 : local\n"
                + "Service               : ps\n"
                + "Time noticed          : "
                + MonTime.ctime(1700000000, ZoneId.systemDefault())
                + "\n"
                + "Secs until next alert : 600\n"
                + "Members \t      : localhost\n"
                + "\n"
                + "Detailed text (if any) follows:\n"
                + "-------------------------------\n"
                + "sshd:1- has 0 matching\n");
  }

  @Test
  void aSummaryCannotAddHeadersOrRecipients() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "x:0\rBcc: evil@localhost\ndetail\r\nBcc: b@y\n",
            Map.of(),
            "--smtp",
            smtp,
            "-S",
            "sshd:0\r\nBcc: x@y\r\nX-Evil: 1",
            "-u",
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(server.getReceivedMessages()).hasSize(1);
    MimeMessage mail = server.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients())
        .extracting(Address::toString)
        .containsExactly("root@localhost");
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(mail.getHeader("X-Evil")).isNull();
    assertThat(mail.getSubject())
        .startsWith("UPALERT local/ps: sshd:0\\r\\nBcc: x@y\\r\\nX-Evil: 1 (");
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    String headers = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
    assertThat(headers.lines().filter(line -> line.startsWith("Bcc") || line.startsWith("X-Evil")))
        .isEmpty();
    assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
        .contains("\ndetail\\r\nBcc: b@y");
  }

  /**
   * Details holding a line "." followed by SMTP commands (the end of DATA, then a forged second
   * mail) and control characters: the server sees one mail to one recipient, the lines in its body
   * as they were sent.
   */
  @Test
  void detailsCannotEndTheMailOrStartAnother() throws Exception {
    String smuggled =
        "before\n.\nMAIL FROM:<mon@localhost>\nRCPT TO:<evil@localhost>\nDATA\nSubject: forged\n\n"
            + "forged body\n.\n..\n.hidden\n";
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0 \u0000\u001b[31m\u2028\"}, \"x\": \"\n"
                + smuggled
                + "a\r\n.\r\nQUIT\nnul\u0000 esc\u001b[2J\n\u2028sep\nafter\n",
            Map.of(),
            "--smtp",
            smtp,
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
    // The alert has its answer to QUIT, the last command of its one session: the server has
    // handled every command before it, so a second message smuggled in would be stored by now.
    assertThat(server.getReceivedMessages()).hasSize(1);
    MimeMessage mail = server.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients())
        .extracting(Address::toString)
        .containsExactly("root@localhost");
    assertThat(mail.getSubject())
        .startsWith("ALERT local/ps: sshd:0 \\x00\\x1b[31m\\u2028\"}, \"x\": \" (");
    assertThat(mail.getHeader("Subject")).hasSize(1);
    assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
        .endsWith(
            "-------------------------------\n"
                + smuggled
                + "a\\r\n.\\r\nQUIT\nnul\\x00 esc\\x1b[2J\n\\u2028sep\nafter");
  }

  @Test
  void logsInWithThePasswordFromAnOwnerOnlySecretsFile() throws Exception {
    Path secrets = dir.resolve("secrets");
    Files.writeString(secrets, "# mail\nSMTP_PASSWORD = s3cret\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));

    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--smtp",
            smtp,
            "--smtp-user",
            "mon",
            "--secrets",
            secrets.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts@localhost");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
  }

  @Test
  void aWrongPasswordIsNotRetriedAndEndsInTheFallback() throws Exception {
    Path fallback = dir.resolve("fallback.log");
    long start = System.nanoTime();
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of("ROLLCALL_SMTP_PASSWORD", "wrong"),
            "--smtp",
            smtp,
            "--smtp-user",
            "mon",
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts@localhost");

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    assertThat(result.stdout())
        .contains("refused the login of mon")
        .contains("(1 attempt); saved in " + fallback);
    assertThat(fallback).content().contains("sshd:0");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aSecretsFileOthersCanReadIsRefused() throws Exception {
    Path secrets = dir.resolve("secrets");
    Files.writeString(secrets, "SMTP_PASSWORD=s3cret\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
    Path fallback = dir.resolve("fallback.log");

    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--smtp",
            smtp,
            "--smtp-user",
            "mon",
            "--secrets",
            secrets.toString(),
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "alerts@localhost");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains(
            "cannot deliver: refusing secrets file "
                + secrets
                + ": others can read or change it (mode 0644); chmod 600 "
                + secrets);
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerThatIsDownIsRetriedThenTheAlertFallsBack() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path fallback = dir.resolve("fallback.log");
    long start = System.nanoTime();
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\ndetail\n",
            Map.of(),
            "--smtp",
            "127.0.0.1:" + closedPort,
            "--fallback",
            fallback.toString(),
            "--timeout",
            "10",
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.exit()).as(result.stdout()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("cannot send through SMTP server 127.0.0.1:" + closedPort)
        .contains("(3 attempts); saved in " + fallback);
    assertThat(tookMillis).isBetween(2900L, 5000L);
    assertThat(Files.readAllLines(fallback)).hasSize(6).last().isEqualTo(".");
  }

  @Test
  void aBadRecipientIsSavedNotMailed() throws Exception {
    Path fallback = dir.resolve("fallback.log");
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--smtp",
            smtp,
            "--fallback",
            fallback.toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost, evil@localhost");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("cannot deliver: bad mail address 'root@localhost, evil@localhost'");
    assertThat(Arrays.asList(server.getReceivedMessages())).isEmpty();
  }

  @Test
  void aRefusingGreetingIsNotRetried() throws Exception {
    try (ScriptedSmtpServer refusing =
        new ScriptedSmtpServer("554 5.7.1 no service for you", "250 ok")) {
      InJvmAlert.Result result =
          InJvmAlert.run(
              new MailAlert(),
              "sshd:0\n",
              Map.of(),
              "--smtp",
              "127.0.0.1:" + refusing.port(),
              "--fallback",
              dir.resolve("fallback.log").toString(),
              "-s",
              "ps",
              "-g",
              "local",
              "root@localhost");

      assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout())
          .contains("refused the session")
          .contains("554 5.7.1 no service for you")
          .contains("(1 attempt)");
      assertThat(refusing.sessions()).isEqualTo(1);
    }
  }

  @Test
  void aPermanentRefusalIsNotRetriedButATemporaryOneIs() throws Exception {
    try (ScriptedSmtpServer refusing = new ScriptedSmtpServer("550 5.1.1 no such user here")) {
      InJvmAlert.Result result =
          InJvmAlert.run(
              new MailAlert(),
              "sshd:0\n",
              Map.of(),
              "--smtp",
              "127.0.0.1:" + refusing.port(),
              "--fallback",
              dir.resolve("fallback.log").toString(),
              "-s",
              "ps",
              "-g",
              "local",
              "nobody@localhost");

      assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout()).contains("refused the recipients").contains("(1 attempt)");
      assertThat(refusing.sessions()).isEqualTo(1);
    }
    try (ScriptedSmtpServer busy = new ScriptedSmtpServer("451 4.3.0 try again later")) {
      InJvmAlert.Result result =
          InJvmAlert.run(
              new MailAlert(),
              "sshd:0\n",
              Map.of(),
              "--smtp",
              "127.0.0.1:" + busy.port(),
              "--fallback",
              dir.resolve("fallback.log").toString(),
              "-s",
              "ps",
              "-g",
              "local",
              "root@localhost");

      assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
      assertThat(result.stdout()).contains("(3 attempts)");
      assertThat(busy.sessions()).isEqualTo(3);
    }
  }

  @Test
  void requiredStartTlsRefusesToSendInClear() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new MailAlert(),
            "sshd:0\n",
            Map.of(),
            "--smtp",
            smtp,
            "--starttls",
            "required",
            "--fallback",
            dir.resolve("fallback.log").toString(),
            "-s",
            "ps",
            "-g",
            "local",
            "root@localhost");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout()).contains("STARTTLS");
    assertThat(server.getReceivedMessages()).isEmpty();
  }
}

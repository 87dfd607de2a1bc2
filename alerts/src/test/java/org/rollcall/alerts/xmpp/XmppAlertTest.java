package org.rollcall.alerts.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.alerts.InJvmAlert;
import org.rollcall.alerts.MonTime;
import org.rollcall.alerts.ReliableSender;

/** xmpp.alert against Debian's prosody on a loopback port, received by a second Smack client. */
class XmppAlertTest {
  @TempDir static Path dir;

  private static Prosody prosody;
  private static XMPPTCPConnection receiver;
  private static final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

  @BeforeAll
  static void startServerAndReceiver() throws Exception {
    prosody = new Prosody(dir, "mon", "s3cret", "ops", "opspw");
    receiver =
        new XMPPTCPConnection(
            XMPPTCPConnectionConfiguration.builder()
                .setUsernameAndPassword("ops", "opspw")
                .setXmppDomain("localhost")
                .setHost("127.0.0.1")
                .setPort(prosody.port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(TrustedCertificates.from(prosody.certificate()))
                .build());
    receiver.addAsyncStanzaListener(
        stanza -> received.add((Message) stanza), MessageWithBodiesFilter.INSTANCE);
    receiver.connect().login();
  }

  @AfterAll
  static void stop() throws Exception {
    if (receiver != null) {
      receiver.disconnect();
    }
    if (prosody != null) {
      prosody.close();
    }
  }

  private InJvmAlert.Result alert(String stdin, Map<String, String> env, String... more) {
    String[] args = {
      "-s",
      "ps",
      "-g",
      "local",
      "-h",
      "localhost",
      "-t",
      "1700000000",
      "--from",
      "mon@localhost",
      "--server",
      "127.0.0.1:" + prosody.port(),
      "--ca-file",
      prosody.certificate().toString(),
      "--fallback",
      dir.resolve("fallback.log").toString(),
      "--timeout",
      "10"
    };
    String[] all =
        java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
            .toArray(String[]::new);
    return InJvmAlert.run(new XmppAlert(), stdin, env, all);
  }

  @Test
  void theRecipientReceivesTheAlertWithControlCharactersEscaped() throws Exception {
    InJvmAlert.Result result =
        alert(
            "sshd:0 </body><x/>\u0007\nsshd:1- has 0\u001b[2J\n",
            Map.of("ROLLCALL_XMPP_PASSWORD", "s3cret"),
            "-x",
            "ops@localhost");

    assertThat(result.exit()).as(result.stdout()).isZero();
    assertThat(result.stdout())
        .isEqualTo(
            "xmpp.alert: sent ALERT local/ps: sshd:0 </body><x/>\\x07 to ops@localhost"
                + " via XMPP localhost at 127.0.0.1:"
                + prosody.port()
                + "\n");
    Message message = received.poll(10, TimeUnit.SECONDS);
    assertThat(message).isNotNull();
    assertThat(message.getFrom().asBareJid().toString()).isEqualTo("mon@localhost");
    assertThat(message.getBody())
        .startsWith(
            "ALERT local/ps: sshd:0 </body><x/>\\x07 ("
                + MonTime.shortForm(1700000000, ZoneId.systemDefault())
                + ")\n\nGroup                 : local\n")
        .endsWith("-------------------------------\nsshd:1- has 0\\x1b[2J\n");
  }

  /**
   * Text that would close the body and the message and open a forged one, and what XML 1.0 forbids
   * in text (NUL, ESC, U+FFFE, U+FFFF, "]]>": prosody drops the connection on each): one message
   * arrives, holding it all as text.
   */
  @Test
  void hostileTextArrivesAsTextInOneMessage() throws Exception {
    String forge =
        "</body></message><message to='ops@localhost' type='chat'><body>forged</body></message>";
    InJvmAlert.Result result =
        alert(
            "sshd:0 "
                + forge
                + "\u0000\u2028\r\r\n\n"
                + forge
                + "\nnul\u0000 esc\u001b[2J\n"
                + "nonchar \ufffe \uffff end\n]]><x/>\n",
            Map.of("ROLLCALL_XMPP_PASSWORD", "s3cret"),
            "-x",
            "ops@localhost");

    assertThat(result.exit()).as(result.stdout()).isZero();
    Message message = received.poll(10, TimeUnit.SECONDS);
    assertThat(message).isNotNull();
    assertThat(message.getBody())
        .startsWith("ALERT local/ps: sshd:0 " + forge + "\\x00\\u2028\\r (")
        .endsWith(
            "-------------------------------\n\n"
                + forge
                + "\nnul\\x00 esc\\x1b[2J\n"
                + "nonchar \\ufffe \\uffff end\n]]\\u003e<x/>\n");
    assertThat(received.poll(1, TimeUnit.SECONDS)).as("a second, forged message").isNull();
  }

  @Test
  void aWrongPasswordIsNotRetriedAndSaved() throws Exception {
    InJvmAlert.Result result =
        alert("sshd:0\n", Map.of("ROLLCALL_XMPP_PASSWORD", "wrong"), "-x", "ops@localhost");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("refused the login of mon@localhost")
        .contains("(1 attempt)");
    assertThat(Files.readString(dir.resolve("fallback.log")))
        .contains("refused the login of mon@localhost");
  }

  @Test
  void aServerWhoseCertificateIsNotTrustedIsNotTalkedTo() throws Exception {
    InJvmAlert.Result result =
        InJvmAlert.run(
            new XmppAlert(),
            "sshd:0\n",
            Map.of("ROLLCALL_XMPP_PASSWORD", "s3cret"),
            "-s",
            "ps",
            "-g",
            "local",
            "--from",
            "mon@localhost",
            "--server",
            "127.0.0.1:" + prosody.port(),
            "--fallback",
            dir.resolve("untrusted.log").toString(),
            "--timeout",
            "6",
            "-x",
            "ops@localhost");

    assertThat(result.exit()).isEqualTo(ReliableSender.FELL_BACK);
    assertThat(result.stdout())
        .contains("cannot send through XMPP server localhost at 127.0.0.1:" + prosody.port());
    assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
  }
}

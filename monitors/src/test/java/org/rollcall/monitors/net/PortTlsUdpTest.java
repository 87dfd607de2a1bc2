package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.peers.CommandRun;
import org.rollcall.monitors.peers.Ports;
import org.rollcall.monitors.peers.TlsPeer;
import org.rollcall.monitors.peers.UdpPeer;

class PortTlsUdpTest {
  @TempDir static Path keys;
  static TlsPeer expiring;
  static TlsPeer expired;

  @BeforeAll
  static void startPeers() throws Exception {
    expiring = new TlsPeer(keys, 0, 1, "hello over TLS\r\n");
    expired = new TlsPeer(keys, -10, 5, "stale\r\n");
  }

  @AfterAll
  static void stopPeers() throws Exception {
    expiring.close();
    expired.close();
  }

  private static CommandRun run(String... args) {
    return CommandRun.of(new PortMonitor(), args);
  }

  @Test
  void selfSignedCertificateFailsVerificationByDefault() {
    CommandRun run = run("-p", "" + expiring.port(), "--tls", "localhost");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines().get(1))
        .startsWith("localhost (127.0.0.1:" + expiring.port() + "): TLS handshake failed: ")
        .endsWith("(--insecure skips certificate verification)");
  }

  @Test
  void insecureReportsTheDaysLeftAndTalksOverTls() {
    CommandRun run =
        run("-p", "" + expiring.port(), "--tls", "--insecure", "--expect", "^hello", "localhost");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .containsPattern(
            "/tcp open, TLS TLSv1\\.[23], certificate CN=localhost valid until "
                + "\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z \\(0 days left\\), /\\^hello/ matched");
  }

  @Test
  void certDaysFailsWhenTooFewDaysRemain() {
    CommandRun run =
        run(
            "--nagios",
            "-p",
            "" + expiring.port(),
            "--tls",
            "--insecure",
            "--cert-days",
            "7",
            "127.0.0.1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.lines().get(1))
        .matches(
            "127\\.0\\.0\\.1:\\d+: certificate CN=localhost expires at \\S+Z, in 0 "
                + "days: fewer than --cert-days 7");
    assertThat(
            run("-p", "" + expiring.port(), "--tls", "--insecure", "--cert-days", "0", "127.0.0.1")
                .exitCode())
        .isZero();
  }

  @Test
  void anExpiredCertificateFailsEvenWhenInsecure() {
    CommandRun run = run("-p", "" + expired.port(), "--tls", "--insecure", "127.0.0.1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines().get(1))
        .matches(".*certificate CN=localhost expired at \\S+Z \\(5 whole days ago\\)");
  }

  @Test
  void udpEchoAnswers() throws Exception {
    try (UdpPeer echo = UdpPeer.echo()) {
      CommandRun run =
          run(
              "--udp",
              "-p",
              "" + echo.port(),
              "--send",
              "ping\\x00",
              "--expect",
              "^ping",
              "127.0.0.1");
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output())
          .startsWith("127.0.0.1: " + echo.port() + "/udp replied 5 bytes, /^ping/ matched");
      CommandRun wrong =
          run(
              "--udp",
              "-p",
              "" + echo.port(),
              "--send",
              "ping\\r\\n",
              "--expect",
              "pong",
              "127.0.0.1");
      assertThat(wrong.lines().get(1))
          .endsWith(": expected /pong/, but the 6-byte reply was \"ping\\r\\n\"");
    }
  }

  @Test
  void udpSilenceAndPortUnreachableAreToldApart() throws Exception {
    try (UdpPeer silent = UdpPeer.silent()) {
      CommandRun quiet =
          run("-t", "2", "--udp", "-p", "" + silent.port(), "--send", "ping", "127.0.0.1");
      assertThat(quiet.lines().get(1))
          .matches("127\\.0\\.0\\.1:\\d+: no reply within 1\\.\\d s to the 4 bytes sent");
    }
    int closed = Ports.closedUdp();
    CommandRun unreachable = run("--udp", "-p", "" + closed, "--send", "ping", "127.0.0.1");
    assertThat(unreachable.lines())
        .containsExactly(
            "127.0.0.1",
            "127.0.0.1:"
                + closed
                + ": ICMP port unreachable: nothing listens on "
                + closed
                + "/udp");
    assertThat(unreachable.elapsed().toMillis()).isLessThan(1_000);
  }
}

package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.peers.CommandRun;
import org.rollcall.monitors.peers.FakePeer;
import org.rollcall.monitors.peers.Ports;

class PortMonitorTest {
  private static CommandRun run(String... args) {
    return CommandRun.of(new PortMonitor(), args);
  }

  @Test
  void refusedPortFailsWithTheHostOnTheSummaryLine() throws Exception {
    int port = Ports.closedTcp();
    CommandRun run = run("-p", "" + port, "127.0.0.1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines())
        .containsExactly(
            "127.0.0.1",
            "127.0.0.1:" + port + ": connection refused (nothing listens on the port)");
  }

  @Test
  void onlyTheFailingHostsAreListed() throws Exception {
    try (FakePeer good = FakePeer.start(FakePeer.greeting("220 ready\r\n"))) {
      CommandRun run =
          run(
              "-t",
              "5",
              "-p",
              "" + good.port(),
              "--expect",
              "^220 ",
              "127.0.0.1",
              "localhost",
              "nosuch.invalid");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.lines().get(0)).isEqualTo("nosuch.invalid");
      assertThat(run.lines().get(1)).startsWith("nosuch.invalid: cannot resolve the name");
      assertThat(run.lines()).hasSize(2);
    }
  }

  @Test
  void greetingThatMatchesPasses() throws Exception {
    try (FakePeer peer = FakePeer.start(FakePeer.greeting("220 mail ESMTP\r\n"))) {
      CommandRun run = run("-p", "" + peer.port(), "--expect", "^220 ", "127.0.0.1");
      assertThat(run.exitCode()).isZero();
      assertThat(run.output())
          .startsWith("127.0.0.1: " + peer.port() + "/tcp open, /^220 / matched (");
    }
  }

  @Test
  void sendEscapesReachThePeerAsBytes() throws Exception {
    try (FakePeer echo = FakePeer.start(FakePeer.echo())) {
      CommandRun run =
          run(
              "-p",
              "" + echo.port(),
              "--send",
              "PING\\t\\x41\\\\\\r\\n",
              "--expect",
              "^PING\\tA\\\\\\r\\n$",
              "127.0.0.1");
      assertThat(run.output()).contains("matched");
      assertThat(run.exitCode()).isZero();
    }
  }

  @Test
  void mismatchShowsTheFirstBytesEscaped() throws Exception {
    try (FakePeer peer = FakePeer.start(FakePeer.greetingThenClose("SSH-2.0-x\r\n\u001b[2J\n"))) {
      CommandRun run = run("-p", "" + peer.port(), "--expect", "^220 ", "127.0.0.1");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.lines())
          .containsExactly(
              "127.0.0.1",
              "127.0.0.1:"
                  + peer.port()
                  + ": expected /^220 /, but the peer closed the connection; received 16 bytes: \"SSH-2.0-x\\r\\n\\x1b[2J\\n\"");
    }
  }

  @Test
  void maxBytesEndsTheSearch() throws Exception {
    try (FakePeer peer = FakePeer.start(FakePeer.greeting("a".repeat(200)))) {
      CommandRun run =
          run("-p", "" + peer.port(), "--expect", "b", "--max-bytes", "10", "127.0.0.1");
      assertThat(run.lines().get(1))
          .endsWith(
              ": expected /b/, not found in the first 10 bytes: \"aaaaaaaaaa\" (--max-bytes)");
    }
  }

  @Test
  void ipv6LiteralsWithAndWithoutBrackets() throws Exception {
    assumeIpv6Loopback();
    try (FakePeer peer = FakePeer.start("::1", FakePeer.greeting("hi\n"))) {
      CommandRun run = run("-p", "" + peer.port(), "--expect", "hi", "::1", "[::1]");
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).startsWith("2 hosts answer: ::1: ");
    }
    int closed = Ports.closedTcp();
    assertThat(run("-p", "" + closed, "::1").lines())
        .contains("[::1]:" + closed + ": connection refused (nothing listens on the port)");
  }

  /**
   * The test JVM resolves names from src/test/resources/net/hosts (see the pom): dual.rollcall.test
   * has both.
   */
  @Test
  void allAddressesCatchesADaemonListeningOnlyOnIpv4() throws Exception {
    assumeIpv6Loopback();
    try (FakePeer v4only = FakePeer.start("127.0.0.1", FakePeer.silent())) {
      String port = "" + v4only.port();
      CommandRun fallback = run("-p", port, "dual.rollcall.test");
      assertThat(fallback.exitCode()).as(fallback.output()).isZero();
      CommandRun all = run("-p", port, "--all-addresses", "dual.rollcall.test");
      assertThat(all.exitCode()).isEqualTo(1);
      assertThat(all.lines())
          .containsExactly(
              "dual.rollcall.test",
              "dual.rollcall.test ([::1]:"
                  + port
                  + "): connection refused (nothing listens on the port)");
      try (FakePeer v6 = FakePeer.start("::1", v4only.port(), FakePeer.silent())) {
        CommandRun both = run("-p", port, "--all-addresses", "dual.rollcall.test");
        assertThat(both.output())
            .startsWith("dual.rollcall.test: " + port + "/tcp open on all 2 addresses (");
      }
    }
  }

  @Test
  void hostsAreCheckedInParallel() throws Exception {
    try (FakePeer a = FakePeer.start("127.0.0.1", FakePeer.silent());
        FakePeer b = FakePeer.start("127.0.0.2", a.port(), FakePeer.silent());
        FakePeer c = FakePeer.start("127.0.0.3", a.port(), FakePeer.silent())) {
      CommandRun run =
          run(
              "-t",
              "2",
              "-p",
              "" + a.port(),
              "--expect",
              "x",
              "127.0.0.1",
              "127.0.0.2",
              "127.0.0.3");
      assertThat(run.lines().get(0)).isEqualTo("127.0.0.1 127.0.0.2 127.0.0.3");
      assertThat(run.lines().subList(1, 4))
          .allMatch(line -> line.contains("expected /x/, timed out after"));
      assertThat(run.elapsed().toMillis()).isLessThan(2_500);
    }
  }

  @Test
  void nagiosModeWithResponseTimeThresholds() throws Exception {
    try (FakePeer peer = FakePeer.start(FakePeer.silent())) {
      CommandRun ok = run("--nagios", "-w", "5", "-c", "10", "-p", "" + peer.port(), "127.0.0.1");
      assertThat(ok.exitCode()).isZero();
      assertThat(ok.output())
          .matches(
              "TCP OK: 127\\.0\\.0\\.1: "
                  + peer.port()
                  + "/tcp open \\(0\\.\\d{3} s\\) \\| time=0\\.\\d+s;5;10;0;30\\n");
      CommandRun slow =
          run("--nagios", "-c", "0.0000001", "-p", "" + peer.port(), "127.0.0.1", "localhost");
      assertThat(slow.exitCode()).isEqualTo(2);
      assertThat(slow.lines().get(0))
          .startsWith("TCP CRITICAL: 2 of 2 failed: 127.0.0.1 localhost | " + "time_127.0.0.1=");
      assertThat(slow.lines().get(1))
          .matches(
              "127\\.0\\.0\\.1: \\d+/tcp open after 0\\.\\d{3} s, outside -c "
                  + "0\\.0000001 \\(at most 0\\.0000001 s\\)");
    }
  }

  @Test
  void usageErrorsAreOneLineWithTheRightExitCode() {
    CommandRun mon = run("--udp", "-p", "53", "127.0.0.1");
    assertThat(mon.exitCode()).isEqualTo(1);
    assertThat(mon.lines()).hasSize(1);
    assertThat(mon.output()).contains("--udp needs --send");
    CommandRun nagios = run("--nagios", "-p", "25", "--send", "QUIT\\q", "127.0.0.1");
    assertThat(nagios.exitCode()).isEqualTo(3);
    assertThat(nagios.output())
        .startsWith("TCP UNKNOWN: port.monitor: --send: unknown escape \\\\q");
    assertThat(run("-p", "25", "--expect", "(", "127.0.0.1").output())
        .contains("is not a regular expression");
    assertThat(run("-p", "25", "--cert-days", "3", "127.0.0.1").output())
        .contains("--cert-days needs --tls");
    assertThat(run("-p", "25").output()).contains("HOST");
  }

  @Test
  void anEmptyHostIsAUsageErrorNotAnEmptyLine() {
    // It was checked as a host named "": the first line, the failing hosts, was empty.
    CommandRun mon = run("-p", "22", "");
    assertThat(mon.exitCode()).isEqualTo(1);
    assertThat(mon.output())
        .isEqualTo(
            "port.monitor: HOST 1 of 1 is empty: give a host name or address"
                + " (see port.monitor --help)\n");
    CommandRun nagios = run("--nagios", "-p", "22", "127.0.0.1", " ");
    assertThat(nagios.exitCode()).isEqualTo(3);
    assertThat(nagios.output())
        .isEqualTo(
            "TCP UNKNOWN: port.monitor: HOST 2 of 2 is empty: give a host name or"
                + " address (see port.monitor --help)\n");
  }

  static void assumeIpv6Loopback() throws Exception {
    InetAddress loopback6 = InetAddress.getByName("::1");
    boolean has =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .anyMatch(loopback6::equals);
    Assumptions.assumeTrue(has, "this machine has no IPv6 loopback (::1)");
  }
}

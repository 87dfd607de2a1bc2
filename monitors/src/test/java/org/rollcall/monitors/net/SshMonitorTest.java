package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.monitors.peers.CommandRun;
import org.rollcall.monitors.peers.FakePeer;
import org.rollcall.monitors.peers.Sshd;

class SshMonitorTest {
  static final String DEBIAN_BANNER = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";

  private static CommandRun run(String... args) {
    return CommandRun.of(new SshMonitor(), args);
  }

  private static CommandRun against(String greeting, String... options) throws Exception {
    try (FakePeer peer = FakePeer.start(FakePeer.greeting(greeting))) {
      String[] args = new String[options.length + 3];
      System.arraycopy(options, 0, args, 0, options.length);
      args[options.length] = "-p";
      args[options.length + 1] = "" + peer.port();
      args[options.length + 2] = "127.0.0.1";
      return run(args);
    }
  }

  @Test
  void realSshdAnswersAndLogsACleanDisconnect(@TempDir Path dir) throws Exception {
    try (Sshd sshd = new Sshd(dir)) {
      String port = "" + sshd.port();
      CommandRun ok =
          run(
              "--nagios",
              "-p",
              port,
              "--software",
              "^OpenSSH_\\d",
              "--min-openssh",
              "7.4",
              "127.0.0.1");
      assertThat(ok.exitCode()).as(ok.output()).isZero();
      assertThat(ok.output())
          .matches(
              "SSH OK: 127\\.0\\.0\\.1: OpenSSH_\\d+\\.\\d+p\\d+ .*\\(protocol 2\\.0\\) "
                  + "\\(0\\.\\d{3} s\\) \\| time=0\\.\\d+s;;;0;30\\n");
      CommandRun tooOld = run("-p", port, "--min-openssh", "99.1p1", "127.0.0.1");
      assertThat(tooOld.exitCode()).isEqualTo(1);
      assertThat(tooOld.lines().get(1))
          .matches(
              "127\\.0\\.0\\.1:\\d+: OpenSSH \\d+\\.\\d+p\\d+ is older than "
                  + "--min-openssh 99\\.1p1: banner \"SSH-2\\.0-OpenSSH_.*\"");
      assertThat(awaitLog(sshd, "Received disconnect from 127.0.0.1"))
          .contains(":11: rollcall ssh.monitor check done [preauth]")
          .doesNotContain("Did not receive identification string")
          .doesNotContain("invalid format");
    }
  }

  private static String awaitLog(Sshd sshd, String text) throws Exception {
    for (int i = 0; i < 100 && !sshd.log().contains(text); i++) {
      Thread.sleep(20);
    }
    return sshd.log();
  }

  @Test
  void softwareRegexIsNotBrokenByTheDebianComment() throws Exception {
    assertThat(against(DEBIAN_BANNER + "\r\n", "--software", "^OpenSSH_9\\.2p1$").exitCode())
        .isZero();
    assertThat(against(DEBIAN_BANNER + "\r\n", "--software", "deb12u3$").exitCode()).isZero();
    CommandRun other = against(DEBIAN_BANNER + "\r\n", "--software", "^OpenSSH_9\\.6");
    assertThat(other.lines().get(1))
        .endsWith(
            ": software does not match --software /^OpenSSH_9\\\\.6/: banner \""
                + DEBIAN_BANNER
                + "\"");
  }

  @Test
  void linesBeforeTheIdentificationAreSkipped() throws Exception {
    CommandRun run = against("Welcome to host\r\nno SSH- here\r\n" + DEBIAN_BANNER + "\r\n");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .startsWith("127.0.0.1: OpenSSH_9.2p1 Debian-2+deb12u3 (protocol 2.0) (");
  }

  @Test
  void protocolOnePointNineNineIsSshTwo() throws Exception {
    assertThat(against("SSH-1.99-OpenSSH_3.9p1\n").exitCode()).isZero();
  }

  @Test
  void wrongProtocolFailsWithTheBanner() throws Exception {
    CommandRun run = against("SSH-1.5-Cisco-1.25\r\n");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines().get(1))
        .endsWith(": protocol 1.5, not 2.0: banner \"SSH-1.5-Cisco-1.25\"");
  }

  @Test
  void minOpensshNeedsOpenssh() throws Exception {
    CommandRun run = against("SSH-2.0-dropbear_2022.83\r\n", "--min-openssh", "9.0");
    assertThat(run.lines().get(1))
        .endsWith(
            ": not OpenSSH, so not --min-openssh 9.0: banner " + "\"SSH-2.0-dropbear_2022.83\"");
    assertThat(against("SSH-2.0-OpenSSH_9.2p1\r\n", "--min-openssh", "9.2p2").exitCode())
        .isEqualTo(1);
    assertThat(against("SSH-2.0-OpenSSH_9.2p1\r\n", "--min-openssh", "9.2").exitCode()).isZero();
  }

  @Test
  void overlongIdentificationIsRejected() throws Exception {
    CommandRun run = against("SSH-2.0-" + "x".repeat(300) + "\r\n");
    assertThat(run.lines().get(1))
        .contains(
            ": bad SSH identification (identification line is 310 bytes, more "
                + "than RFC 4253's 255): \"SSH-2.0-xxx");
  }

  @Test
  void closedMidLine() throws Exception {
    try (FakePeer peer = FakePeer.start(FakePeer.greetingThenClose("SSH-2.0-Open"))) {
      CommandRun run = run("-p", "" + peer.port(), "127.0.0.1");
      assertThat(run.lines())
          .containsExactly(
              "127.0.0.1",
              "127.0.0.1:"
                  + peer.port()
                  + ": closed the connection mid-line without an SSH identification; received 12 bytes: \"SSH-2.0-Open\"");
    }
  }

  @Test
  void usageErrors() {
    CommandRun run = run("--nagios", "--min-openssh", "nine", "127.0.0.1");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.output())
        .isEqualTo(
            "SSH UNKNOWN: ssh.monitor: --min-openssh: 'nine' is not an OpenSSH release "
                + "like 9.3 or 9.2p1 (see ssh.monitor --help)\n");
  }

  @Test
  void anEmptyHostIsAUsageError() {
    CommandRun run = run("--nagios", "");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.output())
        .isEqualTo(
            "SSH UNKNOWN: ssh.monitor: HOST 1 of 1 is empty: give a host name or"
                + " address (see ssh.monitor --help)\n");
  }
}

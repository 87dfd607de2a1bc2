package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Launchable;
import org.rollcall.monitors.peers.CommandRun;
import org.rollcall.monitors.peers.FakePeer;
import org.rollcall.monitors.peers.Ports;
import org.rollcall.monitors.peers.TlsPeer;

/**
 * Every misbehaving peer: the monitor ends within --timeout + 1 s and says what happened per host.
 */
class NetDeadlineTest {
  static final int TIMEOUT = 2;

  @TempDir static Path keys;

  static Stream<Arguments> peers() {
    Supplier<Launchable> port = PortMonitor::new;
    Supplier<Launchable> ssh = SshMonitor::new;
    return Stream.of(
        Arguments.of(
            "silent, port --expect",
            port,
            FakePeer.silent(),
            "--expect=^220",
            "expected /^220/, timed out"),
        Arguments.of(
            "trickle, port --expect",
            port,
            FakePeer.trickle("x".repeat(60), 1000),
            "--expect=^220",
            "expected /^220/, timed out"),
        Arguments.of(
            "silent, port --tls", port, FakePeer.silent(), "--tls", "TLS handshake timed out"),
        Arguments.of("silent, ssh", ssh, FakePeer.silent(), null, "no SSH identification within"),
        Arguments.of(
            "trickle, ssh",
            ssh,
            FakePeer.trickle("SSH-2.0-OpenSSH_9.2p1\r\n", 1000),
            null,
            "no SSH identification within"),
        Arguments.of(
            "endless pre-banner lines, ssh",
            ssh,
            FakePeer.trickle("hello\n".repeat(30), 100),
            null,
            "no SSH identification within"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peers")
  void endsInTimeAgainst(
      String name,
      Supplier<Launchable> monitor,
      FakePeer.Behaviour behaviour,
      String option,
      String expected)
      throws Exception {
    try (FakePeer peer = FakePeer.start(behaviour)) {
      CommandRun run =
          option == null
              ? CommandRun.of(
                  monitor.get(), "-t", "" + TIMEOUT, "-p", "" + peer.port(), "127.0.0.1")
              : CommandRun.of(
                  monitor.get(), "-t", "" + TIMEOUT, option, "-p", "" + peer.port(), "127.0.0.1");
      assertInTime(run, expected);
    }
  }

  @ParameterizedTest(name = "filtered port, {0}")
  @MethodSource("monitors")
  void filteredPortEndsInTime(String name, Supplier<Launchable> monitor) throws Exception {
    try (Ports.Filtered filtered = new Ports.Filtered()) {
      CommandRun run =
          CommandRun.of(monitor.get(), "-t", "" + TIMEOUT, "-p", "" + filtered.port(), "127.0.0.1");
      assertInTime(run, "connect timed out after 1.");
    }
  }

  static Stream<Arguments> monitors() {
    return Stream.of(
        Arguments.of("port.monitor", (Supplier<Launchable>) PortMonitor::new),
        Arguments.of("ssh.monitor", (Supplier<Launchable>) SshMonitor::new));
  }

  @ParameterizedTest(name = "TLS peer, plain {0}")
  @MethodSource("monitors")
  void tlsPeerSpokenToInPlainEndsInTime(String name, Supplier<Launchable> monitor)
      throws Exception {
    try (TlsPeer tls = new TlsPeer(keys, 0, 30, "hi\r\n")) {
      CommandRun run =
          CommandRun.of(monitor.get(), "-t", "" + TIMEOUT, "-p", "" + tls.port(), "127.0.0.1");
      assertThat(run.elapsed().toMillis()).isLessThan((TIMEOUT + 1) * 1000L);
      assertThat(run.exitCode()).as(run.output()).isEqualTo(name.equals("ssh.monitor") ? 1 : 0);
    }
  }

  private static void assertInTime(CommandRun run, String expected) {
    assertThat(run.elapsed().toMillis()).as(run.output()).isLessThan((TIMEOUT + 1) * 1000L);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.lines()).hasSize(2);
    assertThat(run.lines().get(0)).isEqualTo("127.0.0.1");
    assertThat(run.lines().get(1)).contains(expected).doesNotContain("(--timeout)");
  }
}

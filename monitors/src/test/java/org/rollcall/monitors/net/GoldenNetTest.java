package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Registration;
import org.rollcall.monitors.GoldenCases;
import org.rollcall.monitors.peers.CommandRun;
import org.rollcall.monitors.peers.FakePeer;
import org.rollcall.monitors.peers.Ports;
import org.rollcall.monitors.peers.UdpPeer;

/**
 * Golden outputs of port.monitor and ssh.monitor in mon and Nagios modes, against loopback peers:
 * each case is {@code golden/net/CASE.args} (the executable's name, then one argument per line;
 * {@code @PEER@} stands for a peer's port), {@code CASE.out} and {@code CASE.exit}. Times vary from
 * run to run, so they are compared as {@code N s} (and {@code time=Ns} in perfdata); ports are
 * written back as {@code @PEER@}.
 */
class GoldenNetTest {
  static final Path CASES = Path.of("src/test/resources/golden/net");
  static final Map<String, Integer> PORTS = new LinkedHashMap<>();
  static FakePeer silent;
  static FakePeer openssh;
  static FakePeer wrong;
  static FakePeer midLine;
  static UdpPeer udpEcho;

  @BeforeAll
  static void startPeers() throws IOException {
    silent = FakePeer.start(FakePeer.silent());
    openssh = FakePeer.start(FakePeer.greeting("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"));
    wrong = FakePeer.start(FakePeer.greeting("SSH-1.5-Cisco-1.25\r\n"));
    midLine = FakePeer.start(FakePeer.greetingThenClose("SSH-2.0-Open"));
    udpEcho = UdpPeer.echo();
    PORTS.put("@SILENT@", silent.port());
    PORTS.put("@OPENSSH@", openssh.port());
    PORTS.put("@WRONG@", wrong.port());
    PORTS.put("@MIDLINE@", midLine.port());
    PORTS.put("@UDPECHO@", udpEcho.port());
    PORTS.put("@CLOSED@", Ports.closedTcp());
    PORTS.put("@UDPCLOSED@", Ports.closedUdp());
  }

  @AfterAll
  static void stopPeers() throws IOException {
    silent.close();
    openssh.close();
    wrong.close();
    midLine.close();
    udpEcho.close();
  }

  static Stream<String> cases() throws IOException {
    return GoldenCases.in(CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenOutput(String name) throws Exception {
    List<String> lines = Files.readAllLines(CASES.resolve(name + ".args"), StandardCharsets.UTF_8);
    String[] args =
        lines.subList(1, lines.size()).stream()
            .map(GoldenNetTest::withPorts)
            .toArray(String[]::new);
    CommandRun run = CommandRun.of(executable(lines.get(0)), args);
    if (Boolean.getBoolean("golden.update")) {
      // Rewrites the expectations (mvn ... -Dgolden.update=true); review the diff before committing
      // it.
      Files.writeString(
          CASES.resolve(name + ".out"), normalize(run.output()), StandardCharsets.UTF_8);
      Files.writeString(CASES.resolve(name + ".exit"), run.exitCode() + "\n");
    }
    assertThat(normalize(run.output()))
        .as(run.output())
        .isEqualTo(Files.readString(CASES.resolve(name + ".out"), StandardCharsets.UTF_8));
    assertThat(run.exitCode())
        .isEqualTo(Integer.parseInt(Files.readString(CASES.resolve(name + ".exit")).trim()));
  }

  /** The class registered for {@code name}, as Main finds it. */
  static Launchable executable(String name) throws Exception {
    return Registration.lookUp(name).instantiate();
  }

  private static String withPorts(String arg) {
    for (Map.Entry<String, Integer> port : PORTS.entrySet()) {
      arg = arg.replace(port.getKey(), port.getValue().toString());
    }
    return arg;
  }

  static String normalize(String output) {
    String text =
        output.replaceAll("=\\d+(\\.\\d+)?s;", "=Ns;").replaceAll("\\b\\d+(\\.\\d+)? s\\b", "N s");
    for (Map.Entry<String, Integer> port : PORTS.entrySet()) {
      text = text.replaceAll("\\b" + port.getValue() + "\\b", port.getKey());
    }
    return text;
  }
}

package org.rollcall.monitors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Launcher;
import org.rollcall.core.cli.ProcRootOption;
import org.rollcall.core.cli.Registration;
import org.rollcall.core.golden.Golden;
import org.rollcall.core.ids.FixedUserDirectory;
import org.rollcall.monitors.cpu.CpuMonitor;
import org.rollcall.monitors.discover.PsDiscover;
import org.rollcall.monitors.exclusion.ExclusionMonitor;
import org.rollcall.monitors.peers.FakePeer;
import org.rollcall.monitors.peers.Ports;
import org.rollcall.monitors.peers.UdpPeer;
import org.rollcall.monitors.procs.ProcsMonitor;
import org.rollcall.monitors.ps.PsMonitor;

/**
 * Every monitor's golden cases ({@link Golden}, under {@code src/test/resources/golden}): the
 * process monitors against {@link GoldenSystem} ({@code @PROC@}) with {@link
 * FixedUserDirectory#SAMPLE}'s users, ps.discover also against {@link DebianServer}
 * ({@code @DEBIAN@}) with its users and {@link HostileDaemons} ({@code @HOSTILE@}), the network
 * monitors against loopback peers ({@code @SILENT@}, {@code @OPENSSH@}...), whose times vary from
 * run to run and are compared as {@code N s} (and {@code time=Ns} in perfdata).
 */
class GoldenTest {
  private static final Path CASES = Path.of("src/test/resources/golden");
  private static final Map<String, String> VALUES = new LinkedHashMap<>();

  @TempDir static Path procRoot;
  @TempDir static Path debianRoot;
  @TempDir static Path hostileRoot;
  static FakePeer silent;
  static FakePeer openssh;
  static FakePeer wrong;
  static FakePeer midLine;
  static UdpPeer udpEcho;

  private static TimeZone zone;

  @BeforeAll
  static void startSystemAndPeers() throws IOException {
    // ps.monitor --restarts writes local times: the cases are written in UTC, wherever they run.
    zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    GoldenSystem.build(procRoot);
    VALUES.put("PROC", procRoot.toString());
    DebianServer.build(debianRoot);
    VALUES.put("DEBIAN", debianRoot.toString());
    HostileDaemons.build(hostileRoot);
    VALUES.put("HOSTILE", hostileRoot.toString());
    silent = FakePeer.start(FakePeer.silent());
    openssh = FakePeer.start(FakePeer.greeting("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"));
    wrong = FakePeer.start(FakePeer.greeting("SSH-1.5-Cisco-1.25\r\n"));
    midLine = FakePeer.start(FakePeer.greetingThenClose("SSH-2.0-Open"));
    udpEcho = UdpPeer.echo();
    VALUES.put("SILENT", Integer.toString(silent.port()));
    VALUES.put("OPENSSH", Integer.toString(openssh.port()));
    VALUES.put("WRONG", Integer.toString(wrong.port()));
    VALUES.put("MIDLINE", Integer.toString(midLine.port()));
    VALUES.put("UDPECHO", Integer.toString(udpEcho.port()));
    VALUES.put("CLOSED", Integer.toString(Ports.closedTcp()));
    VALUES.put("UDPCLOSED", Integer.toString(Ports.closedUdp()));
  }

  @AfterAll
  static void stopPeers() throws IOException {
    silent.close();
    openssh.close();
    wrong.close();
    midLine.close();
    udpEcho.close();
    TimeZone.setDefault(zone);
  }

  static Stream<Golden.Case> cases() throws IOException {
    return Golden.cases(CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(Golden.Case c) throws Exception {
    boolean network = c.executable().equals("port.monitor") || c.executable().equals("ssh.monitor");
    Golden.check(c, GoldenTest::run, VALUES, network ? GoldenTest::timesAsN : text -> text);
  }

  private static Golden.Result run(
      String executable,
      boolean plain,
      String[] args,
      String stdin,
      Map<String, String> env,
      Path dir)
      throws Exception {
    if (!stdin.isEmpty() || !env.isEmpty()) {
      throw new IllegalArgumentException("a monitor's case takes no stdin or environment");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] halted = {-1};
    Launcher launcher =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), c -> halted[0] = c);
    Launchable command = subject(executable);
    int code = plain ? launcher.execute(command, args) : launcher.executeParsed(command, args);
    return new Golden.Result(
        halted[0] >= 0 ? halted[0] : code, bytes.toString(StandardCharsets.UTF_8));
  }

  /** The process monitors read the golden system with fixed users; the others are as registered. */
  private static Launchable subject(String executable) throws Exception {
    ProcRootOption golden = new ProcRootOption(procRoot);
    return switch (executable) {
      case "ps.monitor" -> new PsMonitor(FixedUserDirectory.SAMPLE, golden);
      case "procs.monitor" -> new ProcsMonitor(FixedUserDirectory.SAMPLE, golden);
      case "cpu.monitor" -> new CpuMonitor(FixedUserDirectory.SAMPLE, golden);
      case "exclusion.monitor" -> new ExclusionMonitor(FixedUserDirectory.SAMPLE, golden);
      case "ps.discover" -> new PsDiscover(DebianServer.USERS, golden);
      default -> Registration.lookUp(executable).instantiate();
    };
  }

  /** A network check's times, which vary from run to run. */
  private static String timesAsN(String output) {
    return output
        .replaceAll("=\\d+(\\.\\d+)?s;", "=Ns;")
        .replaceAll("\\b\\d+(\\.\\d+)? s\\b", "N s");
  }
}

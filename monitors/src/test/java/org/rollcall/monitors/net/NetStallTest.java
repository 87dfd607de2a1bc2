package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.monitors.IsolatedRun;
import org.rollcall.monitors.peers.CommandRun;
import org.rollcall.monitors.peers.HostileHosts;
import org.rollcall.monitors.peers.HostileHosts.Kind;

/**
 * port.monitor and ssh.monitor against 50 hosts on loopback that stall, trickle, reset, refuse,
 * blackhole or answer, and a name that does not resolve: one run each ends within --timeout plus a
 * small margin, names every broken host with its reason and no healthy one, and leaves no thread or
 * child process behind.
 */
class NetStallTest {
  static final int HOSTS = 50;
  static final int TIMEOUT = 3;

  /**
   * In this JVM: the run's own margin is inside the timeout; this is for a machine busy with other
   * builds.
   */
  static final long IN_JVM_LIMIT_MILLIS = TIMEOUT * 1000L + 500;

  /** A separate JVM: its start (about 0.3 s, more on a busy machine) comes on top. */
  static final long PROCESS_LIMIT_MILLIS = TIMEOUT * 1000L + 1500;

  static final String UNRESOLVABLE = "nosuch.invalid";
  static final String SSH_BANNER = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";

  private static HostileHosts port;
  private static HostileHosts ssh;

  @BeforeAll
  static void startHosts() throws Exception {
    port = new HostileHosts(HOSTS, "220 mail ESMTP\r\n", "2".repeat(60));
    ssh = new HostileHosts(HOSTS, SSH_BANNER + "\r\n", SSH_BANNER + "\r\n");
  }

  @AfterAll
  static void stopHosts() throws Exception {
    if (port != null) {
      port.close();
    }
    if (ssh != null) {
      ssh.close();
    }
  }

  /** A reset seen while connecting; otherwise the first read or write sees it. */
  static final String ACCEPTED_THEN_RESET =
      "connection reset by the peer as soon as it was accepted";

  /** What each kind of broken host must be reported as by port.monitor --expect '^220 '. */
  static final Map<Kind, String> PORT_REASONS =
      Map.of(
          Kind.STALL, "expected /\\^220 /, timed out after [0-9.]+ s; received nothing",
          Kind.TRICKLE,
              "expected /\\^220 /, timed out after [0-9.]+ s; received \\d+ bytes?: \"2+\"",
          Kind.RESET,
              "(expected /\\^220 /, the connection failed \\(Connection reset\\); received nothing"
                  + "|"
                  + ACCEPTED_THEN_RESET
                  + ")",
          Kind.REFUSE, "connection refused \\(nothing listens on the port\\)",
          Kind.BLACKHOLE, "connect timed out after [0-9.]+ s \\(no SYN-ACK: .*\\)");

  /** The same for ssh.monitor; a reset can come before our identification is written or after. */
  static final Map<Kind, String> SSH_REASONS =
      Map.of(
          Kind.STALL, "no SSH identification within [0-9.]+ s; received nothing",
          Kind.TRICKLE, "no SSH identification within [0-9.]+ s; received \\d+ bytes?: \"S[SH-]*\"",
          Kind.RESET,
              "("
                  + ACCEPTED_THEN_RESET
                  + "|connection failed \\(Connection reset\\) before an SSH "
                  + "identification; received nothing|sending our SSH identification failed: (Connection reset|Broken pipe).*)",
          Kind.REFUSE, "connection refused \\(nothing listens on the port\\)",
          Kind.BLACKHOLE, "connect timed out after [0-9.]+ s \\(no SYN-ACK: .*\\)");

  @Test
  void portMonitorInThisJvm() throws Exception {
    List<String> args =
        new ArrayList<>(List.of("-t", "" + TIMEOUT, "-p", "" + port.port(), "--expect", "^220 "));
    CommandRun run = runLeavingNothing(new PortMonitor(), args, port);
    assertThat(run.elapsed().toMillis()).as(run.output()).isLessThan(IN_JVM_LIMIT_MILLIS);
    assertReported(run.exitCode(), run.lines(), port, PORT_REASONS);
  }

  @Test
  void sshMonitorInThisJvm() throws Exception {
    List<String> args = new ArrayList<>(List.of("-t", "" + TIMEOUT, "-p", "" + ssh.port()));
    CommandRun run = runLeavingNothing(new SshMonitor(), args, ssh);
    assertThat(run.elapsed().toMillis()).as(run.output()).isLessThan(IN_JVM_LIMIT_MILLIS);
    assertReported(run.exitCode(), run.lines(), ssh, SSH_REASONS);
  }

  /** As mon runs it, in Nagios mode: the wall time includes the JVM's start. */
  @Test
  void portMonitorAsAProcess() throws Exception {
    IsolatedRun.Result run =
        IsolatedRun.run(
            LAUNCHER_JVM_OPTIONS,
            "port.monitor",
            withHosts(
                port, "--nagios", "-t", "" + TIMEOUT, "-p", "" + port.port(), "--expect", "^220 "));
    assertLeftNothing(run);
    List<String> lines = run.stdout().lines().toList();
    assertThat(run.exit()).as(run.stdout()).isEqualTo(2);
    List<String> broken = broken(port);
    assertThat(lines.get(0))
        .startsWith(
            "TCP CRITICAL: "
                + broken.size()
                + " of "
                + (HOSTS + 1)
                + " failed: "
                + String.join(" ", broken)
                + " | ");
    // Line 1 fits NRPE's 1,024-byte packet; the perfdata that does not follows the long output
    // after a '|'.
    assertThat(lines.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThan(1024);
    int perfdataLines = lines.size() - 1 - broken.size();
    String perfdata =
        lines.get(0)
            + " "
            + String.join(" ", lines.subList(lines.size() - perfdataLines, lines.size()));
    if (perfdataLines > 0) {
      assertThat(lines.get(lines.size() - perfdataLines)).startsWith("| time_");
    }
    for (String host : port.hosts().keySet()) {
      assertThat(perfdata).contains(" time_" + host + "=");
    }
    assertDetails(lines.subList(1, lines.size() - perfdataLines), port, PORT_REASONS);
  }

  @Test
  void sshMonitorAsAProcess() throws Exception {
    IsolatedRun.Result run =
        IsolatedRun.run(
            LAUNCHER_JVM_OPTIONS,
            "ssh.monitor",
            withHosts(ssh, "-t", "" + TIMEOUT, "-p", "" + ssh.port()));
    assertLeftNothing(run);
    assertReported(run.exit(), run.stdout().lines().toList(), ssh, SSH_REASONS);
  }

  /** The launcher's options (dist's rollcall script): no perf data file in /tmp, a fast start. */
  static final List<String> LAUNCHER_JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

  private static String[] withHosts(HostileHosts hosts, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(hosts.hosts().keySet());
    args.add(UNRESOLVABLE);
    return args.toArray(String[]::new);
  }

  private static void assertLeftNothing(IsolatedRun.Result run) {
    assertThat(run.millis()).as(run.stdout()).isLessThan(PROCESS_LIMIT_MILLIS);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.leftInTmp()).as("files left in /tmp").isEmpty();
    assertThat(run.jvmSeen()).as("the monitor's JVM was watched").isTrue();
    assertThat(run.children()).as("processes the monitor started").isEmpty();
    assertThat(run.survivors()).as("processes alive after the run").isEmpty();
  }

  private static CommandRun runLeavingNothing(
      org.rollcall.core.cli.Launchable monitor, List<String> args, HostileHosts hosts)
      throws InterruptedException {
    args.addAll(List.of(withHosts(hosts)));
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Set<Long> childrenBefore = children();
    CommandRun run = CommandRun.of(monitor, args.toArray(String[]::new));
    assertThat(leftThreads(before)).as("threads the run left behind").isEmpty();
    assertThat(children()).as("child processes").isEqualTo(childrenBefore);
    return run;
  }

  /**
   * Threads started since {@code before} that are still alive after a short join (the test's peers
   * aside).
   */
  static List<String> leftThreads(Set<Thread> before) throws InterruptedException {
    List<Thread> left = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(thread) && !thread.getName().startsWith("fake-peer")) {
        left.add(thread);
      }
    }
    long end = System.nanoTime() + 500_000_000L;
    for (Thread thread : left) {
      thread.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
    }
    return left.stream().filter(Thread::isAlive).map(Thread::getName).toList();
  }

  static Set<Long> children() {
    return ProcessHandle.current()
        .children()
        .map(ProcessHandle::pid)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * Line 1 names exactly the broken hosts in order (every healthy one left out), and each broken
   * host has one line with its reason; no reported wait may exceed the timeout.
   */
  static void assertReported(
      int exit, List<String> lines, HostileHosts hosts, Map<Kind, String> reasons) {
    assertThat(exit).as(String.join("\n", lines)).isEqualTo(1);
    assertThat(lines.get(0)).isEqualTo(String.join(" ", broken(hosts)));
    assertDetails(lines.subList(1, lines.size()), hosts, reasons);
  }

  static List<String> broken(HostileHosts hosts) {
    List<String> broken = new ArrayList<>();
    hosts
        .hosts()
        .forEach(
            (address, kind) -> {
              if (kind != Kind.HEALTHY) {
                broken.add(address);
              }
            });
    broken.add(UNRESOLVABLE);
    return broken;
  }

  static void assertDetails(List<String> details, HostileHosts hosts, Map<Kind, String> reasons) {
    assertThat(details).hasSize(broken(hosts).size());
    hosts
        .hosts()
        .forEach(
            (address, kind) -> {
              String where = Pattern.quote(address + ":" + hosts.port() + ": ");
              List<String> about =
                  details.stream().filter(line -> line.startsWith(address + ":")).toList();
              if (kind == Kind.HEALTHY) {
                assertThat(about).as(address + " is healthy").isEmpty();
              } else {
                assertThat(about)
                    .as(address + " " + kind)
                    .singleElement()
                    .asString()
                    .matches(where + reasons.get(kind));
              }
            });
    // The test JVM resolves from a hosts file; a child JVM asks the system's resolver, which may
    // say either.
    assertThat(details.get(details.size() - 1))
        .matches(
            Pattern.quote(UNRESOLVABLE)
                + ": (cannot resolve the name \\(.*\\)|timed out: no result within [0-9.]+ s)");
    for (String line : details) {
      Matcher waited = Pattern.compile("(?:after|within) ([0-9.]+) s").matcher(line);
      while (waited.find()) {
        assertThat(Double.parseDouble(waited.group(1))).as(line).isLessThan(TIMEOUT);
      }
    }
  }
}

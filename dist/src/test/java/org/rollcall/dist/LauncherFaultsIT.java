package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every executable, run through the shipped launcher with its class-data archives as mon runs it,
 * sent each signal that ends a program during its slowest step: one line naming the signal, exit 1
 * (UNKNOWN=3 under Nagios), nothing of the JVM's on stdout or stderr, never a death by the signal
 * (a success to mon), and an alert saved in the fallback file.
 */
class LauncherFaultsIT {
  private static final String[] SIGNALS = {"TERM", "INT", "HUP", "USR1", "QUIT"};

  /**
   * A JVM starts its children with SIGQUIT blocked (its own threads block it), and a blocked or
   * ignored signal stays so across exec (SIGHUP is ignored under nohup, SIGPIPE by Python itself):
   * this puts the mask and the dispositions back as mon (Perl) and a shell leave them, then becomes
   * the launcher.
   */
  private static final List<String> AS_MON_STARTS_IT =
      List.of(
          "python3",
          "-c",
          "import os, signal, sys\n"
              + "signal.pthread_sigmask(signal.SIG_SETMASK, [])\n"
              + "for name in ('SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGPIPE'):\n"
              + "    signal.signal(getattr(signal, name), signal.SIG_DFL)\n"
              + "os.execv(sys.argv[1], sys.argv[1:])");

  @TempDir static Path dir;
  static Path home;

  @BeforeAll
  static void unpackAndArchive() throws IOException {
    Shell.ok("tar", "-C", dir.toString(), "-xzf", Built.tarball().toString());
    home = dir.resolve("rollcall-" + Built.VERSION);
    Shell.ok(home.resolve("bin/rollcall").toString(), "--build-archives");
    Path proc = Files.createDirectories(dir.resolve("fifo-proc/1"));
    Shell.ok("mkfifo", proc.resolve("stat").toString(), proc.resolve("status").toString());
  }

  /** One executable's slow run: its arguments, and how the test knows the slow step has begun. */
  record Case(String name, List<String> args, Ready ready, boolean alert) {
    static Case monitor(String name, Ready ready, String... args) {
      return new Case(name, List.of(args), ready, false);
    }

    static Case alert(String name, Ready ready, String... args) {
      List<String> all = new ArrayList<>(List.of("-s", "ps", "-g", "local", "-t", "1700000000"));
      all.addAll(List.of(args));
      return new Case(name, all, ready, true);
    }
  }

  enum Ready {
    PEER_CONTACTED,
    RUN_STARTED,
    CHILD_STARTED
  }

  private static List<Case> cases(Silent peer) {
    String at = "127.0.0.1:" + (peer == null ? 0 : peer.port());
    String port = Integer.toString(peer == null ? 0 : peer.port());
    return List.of(
        Case.monitor("ps.monitor", Ready.RUN_STARTED, "--recheck", "20", "nosuchdaemon-rc:1-"),
        Case.monitor(
            "port.monitor", Ready.PEER_CONTACTED, "-p", port, "--expect", "x", "127.0.0.1"),
        Case.monitor("ssh.monitor", Ready.PEER_CONTACTED, "-p", port, "127.0.0.1"),
        Case.monitor(
            "exclusion.monitor",
            Ready.RUN_STARTED,
            "--proc-root",
            dir.resolve("fifo-proc").toString()),
        Case.monitor("cpu.monitor", Ready.RUN_STARTED, "--sample", "20"),
        Case.monitor("nagios.monitor", Ready.CHILD_STARTED, "--", "/bin/sleep", "40"),
        Case.alert("file.alert", Ready.RUN_STARTED, "-d", dir.toString(), "signalled.log"),
        Case.alert("syslog.alert", Ready.RUN_STARTED),
        Case.alert("mail.alert", Ready.PEER_CONTACTED, "--smtp", at, "root"),
        Case.alert("webhook.alert", Ready.PEER_CONTACTED),
        Case.alert(
            "xmpp.alert",
            Ready.PEER_CONTACTED,
            "--server",
            at,
            "--from",
            "mon@localhost",
            "-x",
            "ops@localhost"),
        Case.alert("restart.alert", Ready.CHILD_STARTED, "--command", "/bin/sleep", "--", "40"));
  }

  @Test
  void everyExecutableNamesTheSignalAndFailsInBothContracts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> problems = new ArrayList<>();
      List<Case> kinds = cases(null);
      for (int i = 0; i < kinds.size(); i++) {
        int index = i;
        for (String signal : SIGNALS) {
          problems.add(pool.submit(() -> check(index, signal, false)));
          if (!kinds.get(i).alert() && !kinds.get(i).name().equals("nagios.monitor")) {
            problems.add(pool.submit(() -> check(index, signal, true)));
          }
        }
      }
      List<String> failed = new ArrayList<>();
      for (Future<String> problem : problems) {
        String found = problem.get(120, TimeUnit.SECONDS);
        if (found != null) {
          failed.add(found);
        }
      }
      assertThat(failed).as("runs that did not end as they must").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs one case, signals it once its slow step began; returns what was wrong, or null. */
  private static String check(int index, String signal, boolean nagios) throws Exception {
    try (Silent peer = new Silent()) {
      return check(cases(peer).get(index), peer, signal, nagios);
    }
  }

  private static String check(Case c, Silent peer, String signal, boolean nagios) throws Exception {
    Path state = Files.createTempDirectory(dir, "state");
    List<String> command = new ArrayList<>(AS_MON_STARTS_IT);
    command.add(home.resolve("bin/" + c.name()).toString());
    if (nagios) {
      command.add("--nagios");
    }
    command.addAll(c.args());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(state.resolve("out").toFile())
            .redirectError(state.resolve("err").toFile());
    Map<String, String> env = builder.environment();
    env.put("MON_STATEDIR", state.toString());
    env.put("MON_ALERTTYPE", "failure");
    env.put("ROLLCALL_WEBHOOK_URL", "http://127.0.0.1:" + peer.port() + "/hook");
    env.put("ROLLCALL_XMPP_PASSWORD", "secret");
    int contacts = peer.contacts();
    Process process = builder.start();
    // An alert's stdin stays open: reading it is file.alert's and syslog.alert's slowest step.
    OutputStream stdin = process.getOutputStream();
    stdin.write("sshd:0\nsshd:1- has 0 matching processes\n".getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    String what = c.name() + (nagios ? " --nagios" : "") + " SIG" + signal;
    try {
      if (!awaitReady(c.ready(), process, peer, contacts)) {
        return what + ": the slow step never began";
      }
      Shell.ok("kill", "-s", signal, Long.toString(process.pid()));
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        return what + ": still running 15 s after the signal";
      }
    } finally {
      process.destroyForcibly();
      stdin.close();
    }
    return judge(c, signal, nagios, process.exitValue(), state, what);
  }

  private static String judge(
      Case c, String signal, boolean nagios, int exit, Path state, String what) throws IOException {
    String out = Files.readString(state.resolve("out"));
    String err = Files.readString(state.resolve("err"));
    String shown = what + ": exit " + exit + ", stdout [" + out + "], stderr [" + err + "]";
    String line = out.isEmpty() ? "" : out.lines().findFirst().orElse("");
    String named = c.name() + ": interrupted by SIG" + signal;
    if (!err.isEmpty() || out.contains("thread dump") || out.contains("Java")) {
      return shown;
    }
    if (c.alert()) {
      Path fallback = state.resolve("rollcall-undelivered.log");
      // The record holds what stdin said: a background command's stdin is /dev/null unless the
      // launcher keeps it.
      boolean saved =
          Files.exists(fallback)
              && Files.readString(fallback).contains("SIG" + signal)
              && Files.readString(fallback).contains("sshd:0");
      return line.startsWith(c.name() + ": ")
              && line.contains("SIG" + signal)
              && saved
              && exit != 0
              && exit < 128
          ? null
          : shown + (saved ? "" : " (nothing saved in the fallback file)");
    }
    boolean right =
        nagios
            ? exit == 3 && line.matches("[A-Z]+ UNKNOWN: " + Pattern.quote(named) + ".*")
            : exit == 1 && line.startsWith(named);
    return right && out.lines().count() == 1 ? null : shown;
  }

  private static boolean awaitReady(Ready ready, Process process, Silent peer, int contactsBefore)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && process.isAlive()) {
      boolean now =
          switch (ready) {
            case PEER_CONTACTED ->
                peer.contacts() > contactsBefore && hasThread(process, "rollcall-deadli");
            case RUN_STARTED -> hasThread(process, "rollcall-deadli");
            case CHILD_STARTED ->
                hasThread(process, "rollcall-deadli") && runsBelowIt(process, "sleep");
          };
      if (now) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /**
   * Waits until the wrapper has become the launcher script and its first traps are set (the shell
   * catches SIGHUP): a signal in the shell's own start-up, before it reads a line, ends it by the
   * signal, as it would any script.
   */
  private static void awaitLauncher(Process process) throws Exception {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!catchesSighup(status)) {
      assertThat(System.nanoTime()).as("the launcher's traps within 10 s").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private static boolean catchesSighup(Path status) throws IOException {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigCgt:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 1) != 0;
      }
    }
    return false;
  }

  /**
   * Whether the JVM the launcher started has a thread of that name (Linux shows Java thread names,
   * cut at 15).
   */
  private static boolean hasThread(Process launcher, String name) {
    for (ProcessHandle jvm : launcher.children().toList()) {
      try (var tasks = Files.list(Path.of("/proc", Long.toString(jvm.pid()), "task"))) {
        for (Path task : tasks.toList()) {
          if (Files.readString(task.resolve("comm")).strip().equals(name)) {
            return true;
          }
        }
      } catch (IOException e) {
        // The JVM ended or has not started yet.
      }
    }
    return false;
  }

  /**
   * Whether a process named {@code comm} runs below the launcher (nagios.monitor's plugin is under
   * a wrapper).
   */
  private static boolean runsBelowIt(Process launcher, String comm) {
    for (ProcessHandle jvm : launcher.children().toList()) {
      for (ProcessHandle child : jvm.descendants().toList()) {
        try {
          if (Files.readString(Path.of("/proc", Long.toString(child.pid()), "comm"))
              .strip()
              .equals(comm)) {
            return true;
          }
        } catch (IOException e) {
          // Gone already.
        }
      }
    }
    return false;
  }

  /** A TCP peer on loopback that accepts every connection and never says a word. */
  static final class Silent implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    private final AtomicInteger contacts = new AtomicInteger();
    private final List<Socket> held = new ArrayList<>();

    Silent() throws IOException {
      Thread acceptor = new Thread(this::accept, "silent-peer");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          synchronized (held) {
            held.add(socket);
          }
          contacts.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }

    int port() {
      return server.getLocalPort();
    }

    int contacts() {
      return contacts.get();
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /**
   * A signal that comes at any moment of a short run (while the launcher script runs, while the JVM
   * starts, while rollcall runs, after it answered) never ends it silently or by the signal: either
   * the line naming it, exit 1, or the run's own answer.
   */
  @Test
  void aSignalAtAnyMomentOfARunIsNeverSilent() throws Exception {
    for (int i = 0; i < 40; i++) {
      String signal = SIGNALS[i % SIGNALS.length];
      Path state = Files.createTempDirectory(dir, "early");
      List<String> command = new ArrayList<>(AS_MON_STARTS_IT);
      command.addAll(List.of(home.resolve("bin/ps.monitor").toString(), "nosuchdaemon-rc:0-0"));
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(state.resolve("out").toFile())
              .redirectError(state.resolve("err").toFile())
              .start();
      awaitLauncher(process);
      Thread.sleep(ThreadLocalRandom.current().nextInt(0, 100));
      new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).start().waitFor();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(state.resolve("out"));
      String shown =
          "SIG"
              + signal
              + ": exit "
              + process.exitValue()
              + " ["
              + out
              + "] ["
              + Files.readString(state.resolve("err"))
              + "]";
      assertThat(Files.readString(state.resolve("err"))).as(shown).isEmpty();
      if (out.equals("1 rule holds: nosuchdaemon-rc:0\n")) {
        assertThat(process.exitValue()).as(shown).isZero();
      } else {
        assertThat(out)
            .as(shown)
            .startsWith("ps.monitor: interrupted by SIG" + signal)
            .endsWith("\n");
        assertThat(out.lines().count()).as(shown).isOne();
        assertThat(process.exitValue()).as(shown).isEqualTo(1);
      }
    }
  }

  /**
   * A signal that reaches the JVM before rollcall's handlers are in place can end it with exit 1
   * and nothing said (JDK 17: "Bad level" in System.initPhase2), which would pass for a monitor's
   * failure with no summary: the launcher kills such a JVM and names the signal itself. Once the
   * handlers are in place (the JVM catches SIGPWR, their last), it forwards the signal as it came.
   * A stand-in java shows both: on SIGHUP or SIGTERM it ends with exit 1 and says nothing.
   */
  @ParameterizedTest(name = "handlers in place: {0}")
  @ValueSource(booleans = {false, true})
  void aSignalReachesTheJvmOnlyOnceItsHandlersAreInPlace(boolean inPlace) throws Exception {
    Path jdk = Files.createTempDirectory(dir, "stand-in-jdk");
    Path started = jdk.resolve("started");
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
    Path java = jdk.resolve("bin/java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "trap 'exit 1' HUP TERM\n"
            + (inPlace ? "trap : PWR\n" : "")
            + "echo > "
            + started
            + "\n"
            + "while :; do sleep 0.02; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String signal : List.of("HUP", "TERM")) {
      Files.deleteIfExists(started);
      List<String> command = new ArrayList<>(AS_MON_STARTS_IT);
      command.addAll(List.of(home.resolve("bin/ps.monitor").toString(), "sshd:1-"));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("JAVA_HOME", jdk.toString());
      Process process = builder.redirectErrorStream(true).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(started) && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      Shell.ok("kill", "-s", signal, Long.toString(process.pid()));
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(out).isEqualTo(1);
      assertThat(out)
          .isEqualTo(
              inPlace
                  ? ""
                  : "ps.monitor: interrupted by SIG" + signal + " before it could answer\n");
    }
  }

  /**
   * A JVM killed under the launcher (the OOM killer, a kill -9 of its PID) is named, never silent.
   */
  @Test
  void aJvmKilledUnderTheLauncherIsNamed() throws Exception {
    List<String> command = new ArrayList<>(AS_MON_STARTS_IT);
    command.addAll(
        List.of(home.resolve("bin/ps.monitor").toString(), "--recheck", "20", "x-rc:1-"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(awaitReady(Ready.RUN_STARTED, process, null, 0)).isTrue();
    for (ProcessHandle jvm : process.children().toList()) {
      Shell.ok("kill", "-s", "KILL", Long.toString(jvm.pid()));
    }
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("ps.monitor: interrupted by SIGKILL before it could answer\n");
    assertThat(process.exitValue()).isEqualTo(1);
  }

  /**
   * A descriptor the caller closed is opened on /dev/null before the JVM starts: with stdin closed,
   * the JVM opened its class-data archive as descriptor 0 and file.alert recorded about 1 MB of it
   * as the alert.
   */
  @Test
  void aClosedStdinReadsAsEmptyInput() throws Exception {
    Path log = dir.resolve("closed-stdin.log");
    Shell.Result run =
        Shell.run(
            Map.of("MON_ALERTTYPE", "failure"),
            List.of(
                "/bin/sh",
                "-c",
                "exec \"$0\" -s ps -g local -t 1700000000 -d \"$1\" closed-stdin.log <&-",
                home.resolve("bin/file.alert").toString(),
                dir.toString()));
    assertThat(run.exit()).as(run.shown()).isZero();
    assertThat(run.stdout()).as(run.shown()).startsWith("file.alert: sent ALERT local/ps: ");
    assertThat(Files.readString(log))
        .startsWith("failure local ps 1700000000 (")
        .hasSizeLessThan(200);
  }

  @Test
  void aClosedStdoutOrStderrChangesNothing() {
    String ps = home.resolve("bin/ps.monitor").toString();
    Shell.Result closedErr =
        Shell.run(Map.of(), List.of("/bin/sh", "-c", "exec \"$0\" nosuch-rc:0-0 2>&-", ps));
    assertThat(closedErr.stdout()).as(closedErr.shown()).isEqualTo("1 rule holds: nosuch-rc:0\n");
    assertThat(closedErr.exit()).isZero();
    Shell.Result closedOut =
        Shell.run(Map.of(), List.of("/bin/sh", "-c", "\"$0\" nosuch-rc:1- >&-; echo $?", ps));
    assertThat(closedOut.stdout()).as(closedOut.shown()).isEqualTo("1\n");
    assertThat(closedOut.stderr()).isEmpty();
  }

  /**
   * An answer larger than a pipe holds, to a reader that never reads: the deadline still ends the
   * run.
   */
  @Test
  void theDeadlineHoldsWhenNobodyReadsStdout() throws Exception {
    List<String> command =
        new ArrayList<>(List.of(home.resolve("bin/ps.monitor").toString(), "-t", "2"));
    for (int i = 0; i < 10_000; i++) {
      command.add("nosuch-rc-" + i + ":1-");
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(process.waitFor(15, TimeUnit.SECONDS))
          .as("ended within 15 s of a 2 s deadline")
          .isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
    } finally {
      process.destroyForcibly();
    }
  }
}

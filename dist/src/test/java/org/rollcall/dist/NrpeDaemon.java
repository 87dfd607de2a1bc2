package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private instance of Debian's real NRPE daemon: its own configuration and pid file in one
 * directory, listening on a free loopback port for 127.0.0.1 only, running its commands as user
 * nagios as the package's daemon does. Debian builds it without command arguments, so every command
 * line is fixed in the configuration.
 */
final class NrpeDaemon implements AutoCloseable {
  private static final Path NRPE = Path.of("/usr/sbin/nrpe");
  static final Path CHECK_NRPE = Path.of("/usr/lib/nagios/plugins/check_nrpe");
  private static final Duration START = Duration.ofSeconds(10);

  private final int port;
  private final Path pidFile;
  private long pid;

  private NrpeDaemon(int port, Path pidFile) {
    this.port = port;
    this.pidFile = pidFile;
  }

  /** Starts nrpe with {@code commands} ({@code command[NAME]=...} lines) after its own settings. */
  static NrpeDaemon start(Path dir, String commands) throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(NRPE), "nrpe is not installed (Debian package nagios-nrpe-server)");
    assumeTrue(
        Files.isExecutable(CHECK_NRPE),
        "check_nrpe is not installed (Debian package nagios-nrpe-plugin)");
    NrpeDaemon nrpe = new NrpeDaemon(Sshd.freePort(), dir.resolve("nrpe.pid"));
    Path config = dir.resolve("nrpe.cfg");
    Files.writeString(
        config,
        "pid_file="
            + nrpe.pidFile
            + "\nserver_port="
            + nrpe.port
            + "\nserver_address=127.0.0.1\nallowed_hosts=127.0.0.1\n"
            + "nrpe_user=nagios\nnrpe_group=nagios\ndont_blame_nrpe=0\ncommand_timeout=60\n"
            + commands);
    // nrpe forks into the background (-d) and writes its pid file, owned by nagios, once it
    // listens.
    Shell.ok(NRPE.toString(), "-c", config.toString(), "-d");
    long end = System.nanoTime() + START.toNanos();
    while (!nrpe.listening()) {
      if (System.nanoTime() > end) {
        nrpe.close();
        throw new AssertionError(
            "nrpe did not listen on 127.0.0.1:" + nrpe.port + " within " + START);
      }
      Thread.sleep(50);
    }
    return nrpe;
  }

  /** check_nrpe's answer for {@code command}, with {@code options} such as -2 before it. */
  Shell.Result query(String command, String... options) {
    List<String> line =
        new ArrayList<>(
            List.of(CHECK_NRPE.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)));
    line.addAll(List.of(options));
    line.addAll(List.of("-c", command));
    return Shell.run(Map.of(), line);
  }

  private boolean listening() throws IOException {
    if (pid == 0 && Files.exists(pidFile)) {
      String text = Files.readString(pidFile).trim();
      pid = text.isEmpty() ? 0 : Long.parseLong(text);
    }
    if (pid == 0) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGTERM to the daemon the pid file names, then SIGKILL if it has not gone in ten seconds. */
  @Override
  public void close() throws IOException {
    if (pid == 0 && !listening()) {
      return;
    }
    ProcessHandle.of(pid)
        .ifPresent(
            daemon -> {
              daemon.destroy();
              try {
                daemon.onExit().get(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                daemon.destroyForcibly();
              } catch (ExecutionException | TimeoutException stillRunning) {
                daemon.destroyForcibly();
              }
            });
  }
}

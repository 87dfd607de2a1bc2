package org.rollcall.monitors.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server (Debian package openssh-server) on 127.0.0.1 with a fresh host key, as
 * ../shared/reference/test-peers.md describes; its log (-e) goes to a file the tests can read.
 */
public final class Sshd implements AutoCloseable {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  private final Process process;
  private final Path log;
  private final int port;

  public Sshd(Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
        "needs a real sshd: apt-get install openssh-server");
    Path hostKey = dir.resolve("host_ed25519");
    run(List.of("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString()));
    try {
      Files.createDirectories(Path.of("/run/sshd"));
    } catch (IOException e) {
      // Only root can create it; sshd says so in its log if it needs it.
    }
    port = Ports.closedTcp();
    log = dir.resolve("sshd.log");
    process =
        new ProcessBuilder(
                List.of(
                    SSHD.toString(),
                    "-D",
                    "-e",
                    "-f",
                    "/dev/null",
                    "-h",
                    hostKey.toString(),
                    "-p",
                    Integer.toString(port),
                    "-o",
                    "ListenAddress=127.0.0.1",
                    "-o",
                    "PidFile=none"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    awaitListening();
  }

  public int port() {
    return port;
  }

  /** What sshd logged so far. */
  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private void awaitListening() throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("sshd exited: " + log());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("sshd did not listen within 10 s: " + log());
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}

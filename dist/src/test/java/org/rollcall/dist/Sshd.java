package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real OpenSSH server on a loopback port, with a throwaway host key; stopped and started again at
 * will.
 */
final class Sshd extends Peer {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  private final Path hostKey;
  private final int port;

  Sshd(Path dir) throws IOException {
    assumeTrue(Files.isExecutable(SSHD), "sshd is not installed (Debian package openssh-server)");
    hostKey = dir.resolve("host_key");
    Shell.ok("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
    Files.createDirectories(Path.of("/run/sshd"));
    port = freePort();
  }

  int port() {
    return port;
  }

  Sshd start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
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
                "PidFile=none")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    for (int i = 0; i < 100; i++) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("sshd did not listen on 127.0.0.1:" + port);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket =
        new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}

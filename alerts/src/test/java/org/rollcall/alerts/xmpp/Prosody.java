package org.rollcall.alerts.xmpp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Debian prosody on a loopback port: its own config, data directory and self-signed
 * certificate for "localhost" under a temporary directory, TLS required, started in the foreground
 * as user prosody.
 */
final class Prosody implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;

  Prosody(Path parent, String... usersAndPasswords) throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/prosody")),
        "needs prosody: apt-get install prosody lua-unbound");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "needs openssl: apt-get install openssl");
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "needs root to run prosody as user prosody");
    dir = Files.createDirectory(parent.resolve("prosody"));
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path data = Files.createDirectory(dir.resolve("data"));
    run(
        List.of(
            "/usr/bin/openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            dir.resolve("localhost.key").toString(),
            "-out",
            certificate().toString()));
    UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(data, users.lookupPrincipalByName("prosody"));
    Files.setOwner(dir.resolve("localhost.key"), users.lookupPrincipalByName("prosody"));
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Files.writeString(
        config(),
        String.join(
            "\n",
            "pidfile = \"" + data.resolve("prosody.pid") + "\"",
            "data_path = \"" + data + "\"",
            "certificates = \"" + dir + "\"",
            "interfaces = { \"127.0.0.1\" }",
            "c2s_ports = { " + port + " }",
            "s2s_ports = { }",
            "modules_enabled = { \"roster\"; \"saslauth\"; \"tls\"; \"disco\"; \"ping\"; \"posix\" }",
            "authentication = \"internal_plain\"",
            "c2s_require_encryption = true",
            "log = { { levels = { min = \"info\" }, to = \"console\" } }",
            "VirtualHost \"localhost\"",
            "  ssl = { certificate = \""
                + certificate()
                + "\"; key = \""
                + dir.resolve("localhost.key")
                + "\" }",
            ""));
    for (int i = 0; i < usersAndPasswords.length; i += 2) {
      run(
          List.of(
              "/usr/sbin/runuser",
              "-u",
              "prosody",
              "--",
              "/usr/bin/prosodyctl",
              "--config",
              config().toString(),
              "register",
              usersAndPasswords[i],
              "localhost",
              usersAndPasswords[i + 1]));
    }
    process =
        new ProcessBuilder(
                "/usr/sbin/runuser",
                "-u",
                "prosody",
                "--",
                "/usr/bin/prosody",
                "--config",
                config().toString(),
                "-F")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile())
            .start();
    awaitPort();
  }

  int port() {
    return port;
  }

  Path certificate() {
    return dir.resolve("localhost.crt");
  }

  private Path config() {
    return dir.resolve("prosody.cfg.lua");
  }

  private void awaitPort() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < end) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IOException("prosody ended: " + Files.readString(dir.resolve("log")));
        }
        Thread.sleep(50);
      }
    }
    throw new IOException(
        "prosody did not listen on "
            + port
            + " within 15 s: "
            + Files.readString(dir.resolve("log")));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    if (!child.waitFor(30, TimeUnit.SECONDS) || child.exitValue() != 0) {
      throw new IOException(command.get(command.size() > 5 ? 4 : 0) + " failed: " + output);
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.rollcall.alerts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real syslog socket for tests: glibc's syslog(3) always writes to /dev/log, so a child runs in a
 * private mount namespace whose /dev holds the real null/zero/random/urandom and a datagram socket
 * a receiver (python3) reads. The machine's own /dev/log is never touched.
 */
public final class PrivateDevLog implements AutoCloseable {
  private static final List<String> DEVICES = List.of("null", "zero", "random", "urandom");
  private static final String RECEIVER =
      String.join(
          "\n",
          "import socket, sys",
          "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
          "s.bind(sys.argv[1]); s.settimeout(float(sys.argv[2]))",
          "print('ready', flush=True)",
          "try:",
          "    while True:",
          "        sys.stdout.buffer.write(s.recv(65536) + b'\\n'); sys.stdout.flush()",
          "except socket.timeout:",
          "    pass");

  private final Path dev;
  private final Process receiver;
  private final BufferedReader records;

  public PrivateDevLog(Path dir) throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/unshare")),
        "needs unshare: apt-get install util-linux");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3: apt-get install python3");
    assumeTrue(
        "root".equals(System.getProperty("user.name")), "needs root for a private mount namespace");
    dev = Files.createDirectory(dir.resolve("dev"));
    for (String device : DEVICES) {
      Files.createFile(dev.resolve(device));
    }
    receiver =
        new ProcessBuilder("/usr/bin/python3", "-c", RECEIVER, dev.resolve("log").toString(), "30")
            .redirectErrorStream(true)
            .start();
    records =
        new BufferedReader(
            new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
    if (!"ready".equals(records.readLine())) {
      throw new IOException("the syslog receiver did not start");
    }
  }

  /** {@code command} wrapped to run with this /dev/log. */
  public List<String> wrap(List<String> command) {
    StringBuilder script = new StringBuilder();
    for (String device : DEVICES) {
      script
          .append("mount --bind /dev/")
          .append(device)
          .append(' ')
          .append(dev.resolve(device))
          .append(" && ");
    }
    script.append("mount --rbind ").append(dev).append(" /dev && exec \"$@\"");
    List<String> wrapped =
        new ArrayList<>(
            List.of("/usr/bin/unshare", "--mount", "--", "sh", "-c", script.toString(), "sh"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** The next record the socket received (waits up to the receiver's 30 s). */
  public String nextRecord() throws IOException {
    return records.readLine();
  }

  @Override
  public void close() {
    receiver.destroy();
  }
}

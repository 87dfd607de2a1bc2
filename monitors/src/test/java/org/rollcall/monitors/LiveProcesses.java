package org.rollcall.monitors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real processes a test starts and always stops; each is waited for until it runs the program it execs. */
final class LiveProcesses implements AutoCloseable {
  private final List<Process> started = new ArrayList<>();

  /** Starts {@code command} and waits until its comm is {@code comm} (setpriv and sh exec into it). */
  Process start(String comm, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(process);
    Path stat = Path.of("/proc", Long.toString(process.pid()), "comm");
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < end && process.isAlive()) {
      if (Files.readString(stat, StandardCharsets.UTF_8).trim().equals(comm)) {
        return process;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(String.join(" ", command) + " did not become " + comm
        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
  }

  /** Skips the test unless we are root and setpriv (Debian package util-linux) is installed. */
  static void assumeSetprivAsRoot() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "needs setpriv from the Debian package util-linux");
    assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
        "needs root: setpriv can change IDs only as root");
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}

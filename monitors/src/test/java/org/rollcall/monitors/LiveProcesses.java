package org.rollcall.monitors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Real processes started for a test under chosen names, and killed (only those) when it ends. */
final class LiveProcesses implements AutoCloseable {
  private final Path bin;
  private final List<Process> started = new ArrayList<>();

  /** Processes of existing programs only. */
  LiveProcesses() {
    this.bin = null;
  }

  /** Also programs copied under chosen names into {@code bin}. */
  LiveProcesses(Path bin) throws IOException {
    this.bin = Files.createDirectories(bin);
  }

  /** A copy of sleep named {@code name} in {@code dir}, so its comm and exe are that name. */
  Path binary(String dir, String name) throws IOException {
    Path target = Files.createDirectories(bin.resolve(dir)).resolve(name);
    Files.copy(Path.of("/bin/sleep"), target, StandardCopyOption.REPLACE_EXISTING);
    Executables.openUp(bin);
    return target;
  }

  /** Starts {@code command}; waits until its exec is visible so a scan sees the final name. */
  Process start(String expectedComm, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(process);
    Path comm = Path.of("/proc", Long.toString(process.pid()), "comm");
    for (int i = 0; i < 200; i++) {
      if (Files.readString(comm).strip().equals(expectedComm)) {
        return process;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("process " + process.pid() + " never became " + expectedComm);
  }

  /** Skips the test unless we are root and setpriv (Debian package util-linux) is installed. */
  static void assumeSetprivAsRoot() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv from the Debian package util-linux");
    assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
        "needs root: setpriv can change IDs only as root");
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
    }
    for (Process p : started) {
      p.waitFor();
    }
  }
}

package org.rollcall.dist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run under strace(1), which shows what files the launcher and the JVM really open and create.
 */
record Traced(Shell.Result result, List<String> syscalls) {
  static void assumeStrace() {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/strace")),
        "strace is not installed (Debian package strace)");
  }

  /** Runs {@code command} under strace, its file system calls logged into {@code work}. */
  static Traced run(Path work, List<String> command) throws IOException {
    return run(
        work,
        Map.of(),
        "openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat",
        command);
  }

  /**
   * Runs {@code command} with {@code env} under strace, the system calls {@code calls} (strace's -e
   * trace= list) logged into {@code work} with their strings whole.
   */
  static Traced run(Path work, Map<String, String> env, String calls, List<String> command)
      throws IOException {
    Path log = work.resolve("strace.log");
    List<String> traced =
        new ArrayList<>(
            List.of(
                "strace",
                "-f",
                "-qq",
                "-s",
                "65536",
                "-o",
                log.toString(),
                "-e",
                "trace=" + calls));
    traced.addAll(command);
    Shell.Result result = Shell.run(env, traced);
    return new Traced(result, Files.readAllLines(log));
  }

  /** Calls that created a file or directory and succeeded. */
  List<String> filesCreated() {
    return syscalls.stream()
        .filter(
            call ->
                call.contains("O_CREAT")
                    || call.matches("^\\d+ +(creat|mkdir|rename|link|symlink).*"))
        .filter(call -> !call.matches(".*= -1 E[A-Z]+.*"))
        .toList();
  }

  /** Files opened successfully whose path contains {@code part}. */
  List<String> opened(String part) {
    return syscalls.stream()
        .filter(call -> call.contains("open") && call.contains(part))
        .filter(call -> !call.matches(".*= -1 E[A-Z]+.*"))
        .toList();
  }
}

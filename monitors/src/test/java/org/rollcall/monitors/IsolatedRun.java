package org.rollcall.monitors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an executable in its own JVM with an empty private /tmp (a tmpfs in a mount namespace of its own, so other
 * programs' files cannot be mistaken for its own), and records what it left: the files in that /tmp after it
 * exited, and every process that ran below it.
 */
final class IsolatedRun {
  /** What the JVM left in /tmp is printed after this line, on stdout, by the wrapper once the JVM has exited. */
  private static final String TMP_MARK = "--- /tmp after the run ---";

  private IsolatedRun() {}

  /**
   * @param stdout what the executable printed
   * @param leftInTmp files and directories in its /tmp once it had exited
   * @param descendants the processes seen below the wrapper while it ran, each with the programs it ran
   * @param survivors those of them still alive after the run
   */
  record Result(int exit, String stdout, String stderr, long millis, List<String> leftInTmp,
      Map<Long, Set<String>> descendants,
      List<String> survivors) {}

  /** {@code java [jvmOptions] -cp ... Main name args} under {@code unshare --mount} with a fresh tmpfs on /tmp. */
  static Result run(List<String> jvmOptions, String name, String... args) throws InterruptedException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root for a private /tmp (unshare --mount)");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare: apt-get install util-linux");
    List<String> java = Executables.command(System.getProperty("java.class.path"), List.of(), name, args);
    java.addAll(1, jvmOptions);
    List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--propagation", "private",
        "--", "sh", "-c", "mount -t tmpfs rollcall-tmp /tmp || exit 99; \"$@\"; code=$?; echo '" + TMP_MARK
            + "'; ls -A /tmp; exit $code", "sh"));
    command.addAll(java);
    try {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
          "/dev/null"))).start();
      CompletableFuture<String> out = Executables.read(process.getInputStream());
      CompletableFuture<String> err = Executables.read(process.getErrorStream());
      Map<Long, Set<String>> seen = new TreeMap<>();
      Map<Long, ProcessHandle> handles = new HashMap<>();
      while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(p -> {
          handles.putIfAbsent(p.pid(), p);
          // A forked shell shows as the shell until it execs; a process already gone shows no command at all.
          p.info().command().ifPresent(c -> seen.computeIfAbsent(p.pid(), pid -> new TreeSet<>()).add(c));
          seen.computeIfAbsent(p.pid(), pid -> new TreeSet<>());
        });
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
          process.destroyForcibly();
          throw new AssertionError("still running after 60 s: " + command);
        }
      }
      String stdout = out.join();
      int mark = stdout.indexOf(TMP_MARK + "\n");
      if (mark < 0) {
        throw new AssertionError("the wrapper did not finish (exit " + process.exitValue() + "): " + stdout
            + err.join());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      List<String> survivors = handles.values().stream().filter(ProcessHandle::isAlive)
          .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
      return new Result(process.exitValue(), stdout.substring(0, mark), err.join(), millis,
          stdout.substring(mark + TMP_MARK.length() + 1).lines().toList(), seen, survivors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

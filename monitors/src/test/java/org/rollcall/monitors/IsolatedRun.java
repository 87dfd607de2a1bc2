package org.rollcall.monitors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an executable in its own JVM with an empty private /tmp (a tmpfs in a mount namespace of its
 * own, so other programs' files cannot be mistaken for its own), and records what it left: the
 * files in that /tmp after it exited, and every process that ran below its JVM.
 */
public final class IsolatedRun {
  /**
   * What the JVM left in /tmp is printed after this line, on stdout, by the wrapper once the JVM
   * has exited.
   */
  private static final String TMP_MARK = "--- /tmp after the run ---";

  private IsolatedRun() {}

  /**
   * @param stdout what the executable printed
   * @param leftInTmp files and directories in its /tmp once it had exited
   * @param jvmSeen whether the executable's JVM was seen running (so that its children could be)
   * @param children the processes seen below the executable's JVM while it ran, each with the
   *     programs it ran
   * @param survivors those of them still running after the run
   */
  public record Result(
      int exit,
      String stdout,
      String stderr,
      long millis,
      List<String> leftInTmp,
      boolean jvmSeen,
      Map<Long, Set<String>> children,
      List<String> survivors) {}

  /**
   * {@code java [jvmOptions] -cp ... Main name args} under {@code unshare --mount} with a fresh
   * tmpfs on /tmp.
   */
  public static Result run(List<String> jvmOptions, String name, String... args)
      throws InterruptedException {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "needs root for a private /tmp (unshare --mount)");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/unshare")),
        "needs unshare: apt-get install util-linux");
    List<String> java =
        Executables.command(System.getProperty("java.class.path"), List.of(), name, args);
    java.addAll(1, jvmOptions);
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "sh",
                "-c",
                "mount -t tmpfs rollcall-tmp /tmp || exit 99; \"$@\"; code=$?; echo '"
                    + TMP_MARK
                    + "'; ls -A /tmp; exit $code",
                "sh"));
    command.addAll(java);
    try {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      CompletableFuture<String> out = Executables.read(process.getInputStream());
      CompletableFuture<String> err = Executables.read(process.getErrorStream());
      Map<Long, Set<String>> seen = new TreeMap<>();
      List<ProcessHandle> jvm = new ArrayList<>();
      while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
        if (jvm.isEmpty()) {
          // The shell's child shows as the shell until it execs java; after java, the shell runs
          // ls.
          process
              .children()
              .filter(p -> p.info().command().orElse("").endsWith("/bin/java"))
              .forEach(jvm::add);
        }
        jvm.stream()
            .flatMap(ProcessHandle::descendants)
            .forEach(
                p -> {
                  Set<String> programs = seen.computeIfAbsent(p.pid(), pid -> new TreeSet<>());
                  p.info().command().ifPresent(programs::add);
                });
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
          process.destroyForcibly();
          throw new AssertionError("still running after 60 s: " + command);
        }
      }
      String stdout = out.join();
      int mark = stdout.indexOf(TMP_MARK + "\n");
      if (mark < 0) {
        throw new AssertionError(
            "the wrapper did not finish (exit "
                + process.exitValue()
                + "): "
                + stdout
                + err.join());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      List<String> survivors =
          seen.keySet().stream()
              .filter(IsolatedRun::running)
              .map(pid -> pid + " " + seen.get(pid))
              .toList();
      return new Result(
          process.exitValue(),
          stdout.substring(0, mark),
          err.join(),
          millis,
          stdout.substring(mark + TMP_MARK.length() + 1).lines().toList(),
          !jvm.isEmpty(),
          seen,
          survivors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code pid} still runs: a zombie (ended, not yet reaped by PID 1) runs nothing. */
  public static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}

package org.rollcall.monitors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real processes started for a test under chosen names, and killed (only those) when it ends. */
public final class LiveProcesses implements AutoCloseable {
  private final Path bin;
  private final List<Process> started = new ArrayList<>();
  private final List<ProcessHandle> detached = new ArrayList<>();

  /** Processes of existing programs only. */
  public LiveProcesses() {
    this.bin = null;
  }

  /** Also programs copied under chosen names into {@code bin}. */
  public LiveProcesses(Path bin) throws IOException {
    this.bin = Files.createDirectories(bin);
  }

  /** A copy of sleep named {@code name} in {@code dir}, so its comm and exe are that name. */
  public Path binary(String dir, String name) throws IOException {
    Path target = Files.createDirectories(bin.resolve(dir)).resolve(name);
    Files.copy(Path.of("/bin/sleep"), target, StandardCopyOption.REPLACE_EXISTING);
    Executables.openUp(bin);
    return target;
  }

  /** Starts {@code command}; waits until its exec is visible so a scan sees the final name. */
  public Process start(String expectedComm, String... command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    started.add(process);
    awaitComm(process.pid(), expectedComm.getBytes(StandardCharsets.UTF_8));
    return process;
  }

  /**
   * Starts perl so that its command line is exactly {@code argv} and its comm exactly {@code comm}
   * (any bytes but NUL; the kernel keeps 15), behind {@code prefix} (such as setpriv). The bytes
   * travel through a file, so neither this JVM's charset nor the 128 KiB limit on one argument gets
   * in the way. Detached (see {@link #startDetached}).
   */
  public ProcessHandle startNamed(List<String> prefix, byte[] comm, List<byte[]> argv)
      throws IOException, InterruptedException {
    StringBuilder hex = new StringBuilder();
    for (byte b : comm) {
      hex.append(String.format("%02x", b & 0xff));
    }
    String sleeper =
        "open(my $f, '>', \"/proc/$$/comm\") or die; syswrite($f, pack('H*', '"
            + hex
            + "')) or die; close $f; sleep 300";
    ByteArrayOutputStream spec = new ByteArrayOutputStream();
    spec.write(argv.get(0));
    for (byte[] arg : List.of("-e".getBytes(), sleeper.getBytes(), "--".getBytes())) {
      spec.write(0);
      spec.write(arg);
    }
    for (byte[] arg : argv.subList(1, argv.size())) {
      spec.write(0);
      spec.write(arg);
    }
    Path file = Files.createTempFile(bin, "argv", ".spec");
    Files.write(file, spec.toByteArray());
    Executables.openUp(bin);
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            "perl",
            "-e",
            "open(my $f, '<', $ARGV[0]) or die; local $/; "
                + "exec {$^X} split(/\\0/, <$f>, -1) or die",
            file.toString()));
    ProcessHandle process = startDetached(command);
    awaitComm(process.pid(), comm);
    return process;
  }

  /**
   * Starts {@code command} as an orphan (its parent a shell that has exited), so that a monitor run
   * inside this JVM does not take it for one of its own children.
   */
  public ProcessHandle startDetached(List<String> command)
      throws IOException, InterruptedException {
    List<String> shell =
        new ArrayList<>(List.of("sh", "-c", "\"$@\" </dev/null >/dev/null 2>&1 & echo $!", "sh"));
    shell.addAll(command);
    Process parent =
        new ProcessBuilder(shell).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String pid =
        new String(parent.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    parent.waitFor();
    ProcessHandle handle =
        ProcessHandle.of(Long.parseLong(pid))
            .orElseThrow(() -> new AssertionError("process " + pid + " ended at once: " + command));
    detached.add(handle);
    return handle;
  }

  /** {@link #startDetached(List)}, then waits until its comm is {@code expectedComm}. */
  public ProcessHandle startDetached(String expectedComm, String... command)
      throws IOException, InterruptedException {
    ProcessHandle handle = startDetached(List.of(command));
    awaitComm(handle.pid(), expectedComm.getBytes(StandardCharsets.UTF_8));
    return handle;
  }

  /**
   * Waits until the process's comm is {@code expected}, as the kernel keeps it (15 bytes), so exec
   * is visible.
   */
  private static void awaitComm(long pid, byte[] expected)
      throws IOException, InterruptedException {
    byte[] kept = Arrays.copyOf(expected, Math.min(expected.length, 15));
    Path comm = Path.of("/proc", Long.toString(pid), "comm");
    for (int i = 0; i < 300; i++) {
      byte[] now = Files.readAllBytes(comm);
      if (now.length == kept.length + 1
          && Arrays.equals(now, 0, kept.length, kept, 0, kept.length)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(
        "process " + pid + " never became " + new String(kept, StandardCharsets.UTF_8));
  }

  /**
   * Starts ps.monitor's test holder ({@code holder.py}) once for each of {@code kinds} (threads,
   * fds, memory, zombie) with {@code marker} among its arguments, detached, and waits until each
   * holds what it says. Its ready file {@code dir/KIND.ready} holds its PID (the zombie's for
   * zombie).
   */
  public void startHolders(Path dir, String marker, List<String> kinds)
      throws IOException, InterruptedException {
    Path script = dir.resolve("holder.py");
    try (InputStream in =
        LiveProcesses.class.getResourceAsStream("/org/rollcall/monitors/ps/holder.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    for (String kind : kinds) {
      Path ready = dir.resolve(kind + ".ready");
      startDetached(List.of("python3", script.toString(), kind, ready.toString(), marker));
      Conditions.await(kind + " holder", Duration.ofSeconds(30), () -> Files.exists(ready));
    }
  }

  /** Skips the test unless we are root and setpriv (Debian package util-linux) is installed. */
  public static void assumeSetprivAsRoot() {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "needs setpriv from the Debian package util-linux");
    assumeTrue(
        new com.sun.security.auth.module.UnixSystem().getUid() == 0,
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
    // A detached shell's own children (ProcsDifferentialTest's sleepers) would outlive it by days.
    for (ProcessHandle p : detached) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (ProcessHandle p : detached) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("process " + p.pid() + " did not end", e);
      }
    }
  }
}

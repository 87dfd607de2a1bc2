package org.rollcall.dist;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs installed programs as mon and Nagios do: stdin from /dev/null, stdout and stderr kept apart,
 * a time limit.
 */
final class Shell {
  private Shell() {}

  /** What one run printed and returned. */
  record Result(int exit, String stdout, String stderr, Duration took) {
    /** The output for an assertion message. */
    String shown() {
      return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  static Result run(String... command) {
    return run(Map.of(), List.of(command));
  }

  /**
   * Runs {@code command} with {@code env} added to this JVM's environment (a null value removes the
   * variable).
   */
  static Result run(Map<String, String> env, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
    env.forEach(
        (key, value) -> {
          if (value == null) {
            builder.environment().remove(key);
          } else {
            builder.environment().put(key, value);
          }
        });
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running after 120 s: " + command);
      }
      return new Result(
          process.exitValue(), out.join(), err.join(), Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs a command that must succeed, for setting up a test, and returns its stdout. */
  static String ok(String... command) {
    Result result = run(command);
    if (result.exit() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + result.shown());
    }
    return result.stdout();
  }

  /**
   * Ends a process this test started (SIGTERM, then SIGKILL after ten seconds); null is a process
   * not running.
   */
  static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** {@code setpriv} prefix running a command as {@code uid} with no supplementary groups. */
  static List<String> as(int uid, int gid, String... command) {
    List<String> full =
        new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
    full.addAll(List.of(command));
    return full;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}

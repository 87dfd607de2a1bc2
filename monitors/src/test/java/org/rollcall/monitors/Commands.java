package org.rollcall.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Commands a test runs to completion, as itself or as another user: nobody, through setpriv (see
 * {@link LiveProcesses#assumeSetprivAsRoot()}), to plant a file as an attacker would.
 */
public final class Commands {
  private static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  private Commands() {}

  /** {@code command} run as nobody (uid and gid 65534, no groups). */
  public static List<String> asNobody(String... command) {
    List<String> all = new ArrayList<>(AS_NOBODY);
    all.addAll(List.of(command));
    return all;
  }

  /** Runs {@code command}; fails the test unless it exits 0 within 30 s. */
  public static void exec(List<String> command) throws Exception {
    exec(command, "");
  }

  /** Runs {@code command} with {@code input} on its stdin; fails unless it exits 0 within 30 s. */
  public static void exec(List<String> command, String input) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command + ": " + output).isZero();
  }
}

package org.rollcall.monitors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Launcher;

/**
 * One run of a command through the real launcher, as Main would run it: its exit code and output
 * lines.
 */
public record MonitorRun(int exit, String output) {

  public static MonitorRun of(Launchable command, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] halted = {-1};
    int code =
        new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), c -> halted[0] = c)
            .execute(command, args);
    return new MonitorRun(
        halted[0] >= 0 ? halted[0] : code, bytes.toString(StandardCharsets.UTF_8));
  }

  /**
   * Runs {@code java ... Main NAME ARGS} as its own process, as mon would: its children and
   * wrappers are not the test's, so processes the test starts are judged like any other. stderr is
   * merged into the output, as mon does.
   */
  public static MonitorRun external(String name, String... args)
      throws IOException, InterruptedException {
    // stderr merged into stdout, as mon merges them.
    List<String> command =
        Executables.command(System.getProperty("java.class.path"), List.of(), name, args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not end");
    }
    return new MonitorRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  public List<String> lines() {
    return output.lines().toList();
  }

  public String summary() {
    return lines().get(0);
  }
}

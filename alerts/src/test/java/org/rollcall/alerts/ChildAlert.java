package org.rollcall.alerts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an alert executable as mon does: a separate JVM through Main, stdin written and closed,
 * MON_* set.
 */
public final class ChildAlert {
  private ChildAlert() {}

  public record Result(int exit, String stdout) {}

  /** The command line that runs {@code name} in a child JVM with this test's class path. */
  public static List<String> command(String name, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (Runtime.version().feature() >= 22) {
      // As the launcher and the jar manifest do: JNA's native access (syslog) is intended, not
      // worth a warning.
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "org.rollcall.core.cli.Main", name));
    command.addAll(List.of(args));
    return command;
  }

  public static Process start(List<String> command, byte[] stdin, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("MON_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin);
    }
    return process;
  }

  public static Result finish(Process process) throws IOException, InterruptedException {
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child alert did not end in 60 s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  public static Result run(List<String> command, byte[] stdin, Map<String, String> env)
      throws IOException, InterruptedException {
    return finish(start(command, stdin, env));
  }
}

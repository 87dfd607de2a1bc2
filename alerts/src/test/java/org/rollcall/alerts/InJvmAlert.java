package org.rollcall.alerts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.rollcall.core.cli.Launcher;

/**
 * Runs an alert command through the real launcher in this JVM, with the stdin and environment
 * given.
 */
public final class InJvmAlert {
  private InJvmAlert() {}

  public record Result(int exit, String stdout) {}

  public static Result run(
      AbstractAlert alert, String stdin, Map<String, String> env, String... args) {
    return run(alert, stdin.getBytes(StandardCharsets.UTF_8), env, args);
  }

  public static Result run(
      AbstractAlert alert, byte[] stdin, Map<String, String> env, String... args) {
    alert.stdin = new ByteArrayInputStream(stdin);
    alert.env = env;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        new Launcher(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                code -> {
                  throw new IllegalStateException("the deadline halted the run with " + code);
                })
            .execute(alert, args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8));
  }
}

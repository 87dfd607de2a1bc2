package org.rollcall.monitors.peers;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Launcher;

/** One run of a command through the real launcher: its output, exit code and wall time. */
public record CommandRun(String output, int exitCode, Duration elapsed) {

  public static CommandRun of(Launchable command, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    // A watchdog that fired would print its own line; the tests assert it never does.
    int code = new Launcher(stdout, halted -> {}).execute(command, args);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new CommandRun(bytes.toString(StandardCharsets.UTF_8), code, elapsed);
  }

  public List<String> lines() {
    return output.lines().toList();
  }
}

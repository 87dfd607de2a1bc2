package org.rollcall.monitors;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.cli.Launcher;

/** One run of a command through the real launcher, as Main would run it: its exit code and output lines. */
record MonitorRun(int exit, String output) {

  static MonitorRun of(Launchable command, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] halted = {-1};
    int code = new Launcher(new PrintStream(bytes, true, StandardCharsets.UTF_8), c -> halted[0] = c)
        .execute(command, args);
    return new MonitorRun(halted[0] >= 0 ? halted[0] : code, bytes.toString(StandardCharsets.UTF_8));
  }

  List<String> lines() {
    return output.lines().toList();
  }

  String summary() {
    return lines().get(0);
  }
}

package org.rollcall.monitors.nagios;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rollcall.core.cli.CallerLocale;

/**
 * A Nagios plugin started in a process group of its own, under a small Perl parent (Perl is always there: mon is
 * written in it). The JDK tells only 128+N for a process killed by signal N, the same number as a plain
 * {@code exit 128+N}; the parent reaps the plugin itself and writes how it ended ({@code exit N},
 * {@code signal N}, or {@code error TEXT} when it could not be started) to a file in a directory only this user
 * can read. Then it kills what is left in the group (a double-forked child holding the plugin's output), itself
 * included, as Nagios's own workers do; a TERM to it does the same at once.
 */
final class PluginProcess implements AutoCloseable {
  private static final String PARENT = String.join("\n",
      "my $status = shift;",
      "$SIG{TERM} = sub { kill 'KILL', -$$ };",
      "setpgrp(0, 0);",
      "my $pid = fork;",
      "if (!defined $pid) { report(\"error cannot fork: $!\"); exit 127; }",
      "if ($pid == 0) {",
      "  $SIG{TERM} = 'DEFAULT';",
      "  { exec { $ARGV[0] } @ARGV; }",
      "  report(\"error $!\");",
      "  require POSIX; POSIX::_exit(127);",
      "}",
      "waitpid($pid, 0);",
      "my $s = $?;",
      "report(($s & 127) ? 'signal ' . ($s & 127) : 'exit ' . ($s >> 8));",
      "kill 'KILL', -$$;",
      "sub report { open(my $f, '>>', $status) or return; print $f \"$_[0]\\n\"; close $f; }");

  private final Path dir;
  private final Process process;

  private PluginProcess(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /** Starts {@code plugin} (the program and its arguments) reading /dev/null, in the caller's locale. */
  static PluginProcess start(List<String> plugin) throws IOException {
    Path dir = Files.createTempDirectory("nagios.monitor"); // mode 0700
    List<String> command = new ArrayList<>(List.of("perl", "-e", PARENT, dir.resolve("status").toString()));
    command.addAll(plugin);
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
    CallerLocale.restore(builder.environment());
    try {
      return new PluginProcess(dir, builder.start());
    } catch (IOException e) {
      Files.deleteIfExists(dir);
      throw e;
    }
  }

  /** The process whose output is the plugin's (the parent's pipes are the plugin's). */
  Process process() {
    return process;
  }

  /** The plugin's own PID (the parent's one child), or the parent's while the plugin has not been forked yet. */
  long pluginPid() {
    Optional<ProcessHandle> child = process.toHandle().children().findFirst();
    return child.isPresent() ? child.get().pid() : process.pid();
  }

  /** How the plugin ended, once the parent has exited; null when the parent was killed before it could say. */
  Ending ending() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
    return lines.isEmpty() ? null : Ending.parse(lines.get(0));
  }

  /** Kills the plugin and everything left in its process group, now; quick, from any thread. */
  void killGroup() {
    process.destroy(); // the parent's TERM handler kills the group with SIGKILL
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(dir.resolve("status"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // an empty directory left in the temporary directory tells no lie and harms nothing
    }
  }

  /**
   * How the plugin ended: exited with {@code code}, killed by signal {@code signal}, or never started
   * ({@code error}).
   */
  record Ending(int code, int signal, String error) {
    static Ending parse(String line) {
      if (line.startsWith("error ")) {
        return new Ending(-1, 0, line.substring("error ".length()));
      }
      int space = line.indexOf(' ');
      int number = Integer.parseInt(line.substring(space + 1));
      return line.startsWith("signal ") ? new Ending(128 + number, number, null) : new Ending(number, 0, null);
    }
  }
}

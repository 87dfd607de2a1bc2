package org.rollcall.core.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Perl parent (Perl is always there: mon is written in it) that puts a program in a process
 * group of its own. The JDK tells only 128+N for a process killed by signal N, the same number as a
 * plain {@code exit 128+N}; the parent reaps the program itself and writes how it ended ({@code
 * exit N}, {@code signal N}, or {@code error TEXT} when it could not be started) to a file in a
 * directory only this user can read. Then it kills what is left in the group (a double-forked child
 * holding the output), itself included, as Nagios's own workers do; a TERM to it does the same at
 * once.
 */
final class GroupParent {
  private static final String SCRIPT =
      String.join(
          "\n",
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

  private GroupParent(Path dir) {
    this.dir = dir;
  }

  /** A parent for one run, with its status directory (mode 0700) made. */
  static GroupParent create() throws IOException {
    return new GroupParent(Files.createTempDirectory("rollcall-child"));
  }

  /** {@code perl -e SCRIPT STATUS_FILE PROGRAM ARGS...}. */
  List<String> command(List<String> program) {
    List<String> command =
        new ArrayList<>(List.of("perl", "-e", SCRIPT, dir.resolve("status").toString()));
    command.addAll(program);
    return command;
  }

  /** The parent's one line, or null when it was killed before it could write it. */
  String status() throws IOException {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? null : lines.get(0);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(dir.resolve("status"));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // an empty directory left in the temporary directory tells no lie and harms nothing
    }
  }
}

package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ArgumentFiles;
import org.rollcall.core.cli.PlainShape;
import org.rollcall.core.cli.Registration;
import org.rollcall.core.cli.UsageException;

/**
 * The fast path declared once: the launcher script's lib/classes holds each registry entry as it
 * is, and the script's own test of an argument list (which picks the plain class-data archive) says
 * what Java's {@link PlainShape} says, for every executable and every kind of argument list,
 * argument files ({@link ArgumentFiles}) included.
 */
class PlainShapeIT {
  private static final Path HOME = Built.TARGET.resolve("stage/rollcall-" + Built.VERSION);
  private static final List<List<String>> ARGUMENT_LISTS =
      List.of(
          List.of(),
          List.of("--nagios"),
          List.of("sshd:1-"),
          List.of("sshd:1-", "--nagios"),
          List.of("--nagios", "a:1-", "b:0-"),
          List.of("rcl sp) (ace:1-1", "dæmon:0-"),
          List.of("'sshd,!user=root:0-0'"),
          List.of("nagios:1-", "=:1-"),
          List.of("--nagios", "--nagios"),
          List.of("a:1-", "--nagios", "--nagios"),
          List.of("a:1-", ""),
          List.of(""),
          List.of("@rules"),
          List.of("a:1-", "@rules"),
          List.of("--"),
          List.of("-5"),
          List.of("-t", "5", "a:1-"),
          List.of("--help"),
          List.of("--max", "80"),
          List.of("--nagios=true"),
          List.of("-s", "ps", "-g", "local"),
          // check_procs' command lines: what procs.monitor's options shape takes, and what not.
          List.of("-w", "1:5", "-c", "1:10", "-C", "sshd"),
          List.of("--nagios", "-c", "1:1", "-a", "/usr/bin/python3 /opt/worker.py --queue=x, y"),
          List.of("-u", "nagios", "-C", "nrpe", "-s", "Z", "-m", "RSS", "-w", "512000"),
          List.of("-t", "2.5", "--critical", "@10:20", "--nagios"),
          List.of("-c", "@2:5"),
          List.of("-c", "@~:-5.5"),
          List.of("-p", "1", "-r", "010", "-z", "999999999", "-P", "12.50", "-k", "-T"),
          List.of("--ereg-argument-array", "^(a|b)*[x]?$", "-X", "cron,sshd"),
          List.of("--traditional-filter", "--no-kthreads", "--state", "DZ"),
          List.of("--proc-root", "/tmp/x", "--timeout", "30", "--metric", "VSZ"),
          List.of("-C", "@@odd", "--exclude-process", "x=y"),
          List.of("-C", "*", "--user", "[a]"),
          List.of("-w", "1", "-w", "2"),
          List.of("-w", "1", "--warning", "2"),
          List.of("-T", "--traditional"),
          List.of("-w"),
          List.of("-w", ""),
          List.of("-w", "-5"),
          List.of("-w5"),
          List.of("--warning=5"),
          List.of("-w,--warning", "5"),
          List.of("-C", "sshd", "host1"),
          List.of("-p", "1234567890"),
          List.of("-p", "+1"),
          List.of("-P", "1e3"),
          List.of("-t", ".5"),
          List.of("-t", "5."),
          List.of("-t", "1.2.3"),
          List.of("-v", "-C", "sshd"),
          List.of("-kT"),
          List.of("-c", "--nagios"),
          List.of("@2:5"),
          List.of("a:1-", "@~:5"));

  @Test
  void libClassesHoldsEachRegistryEntry() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String name : Built.executables()) {
      Registration entry = Registration.lookUp(name);
      expected.add(name + " " + entry.className() + " " + entry.plain().declaration());
    }
    assertThat(Files.readAllLines(HOME.resolve("lib/classes"))).containsExactlyElementsOf(expected);
    assertThat(expected)
        .anyMatch(line -> line.endsWith(" words"))
        .anyMatch(line -> line.endsWith(" no-words"))
        .anyMatch(line -> line.endsWith(" -"));
  }

  @Test
  void theScriptTakesThePlainPathExactlyWhereJavaDoes(@TempDir Path dir) throws Exception {
    String functions =
        functions(
            "registered",
            "plain_run",
            "plain_arg",
            "plain_option",
            "plain_value",
            "plain_file",
            "plain_arguments");
    List<List<String>> lists = new ArrayList<>(ARGUMENT_LISTS);
    lists.addAll(argumentFileLists(dir));
    int plainRuns = 0;
    for (String name : Built.executables()) {
      PlainShape shape = Registration.lookUp(name).plain();
      for (List<String> args : lists) {
        List<String> command =
            new ArrayList<>(
                List.of(
                    "sh",
                    "-c",
                    "home=\"$1\"; shift; "
                        + functions
                        + "\nregistered \"$1\" && plain_arguments \"$@\"",
                    "sh",
                    HOME.toString(),
                    name));
        command.addAll(args);
        boolean script = Shell.run(command.toArray(String[]::new)).exit() == 0;
        boolean java = takesPlainPath(shape, args);
        assertThat(script).as(name + " " + args).isEqualTo(java);
        plainRuns += java ? 1 : 0;
      }
    }
    assertThat(plainRuns).as("argument lists that take the plain path").isGreaterThanOrEqualTo(30);
  }

  /** Argument lists naming argument files of every kind, written in {@code dir}. */
  private static List<List<String>> argumentFileLists(Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rules", "# the daemons\nsshd:1-\n\n  \t\n  # indented\ncron:1-5\n");
    files.put("nagios", "--nagios\nsshd:1-");
    files.put("twice", "--nagios\n--nagios\n");
    files.put("comments", "# nothing but comments\n\n");
    files.put("option", "-t\n5\nsshd:1-\n");
    files.put("empty-line-arg", "sshd:1-\n\n-\n");
    files.put("at", "@@odd:1-\n");
    files.put("nested", "sshd:1-\n@" + dir.resolve("rules") + "\n");
    files.put("crlf", "sshd:1-\r\n#c\r\n");
    files.put("procs", "# check_procs' options\n-C\nsshd\n\n-c\n1:\n");
    files.put("procs-range", "-c\n@@2:5\n");
    files.put("procs-nested-range", "-c\n@2:5\n");
    files.put("procs-half", "-w\n");
    List<List<String>> lists = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.writeString(path, file.getValue());
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
      lists.add(List.of("@" + path));
      lists.add(List.of("@" + path, "--nagios"));
      lists.add(List.of("a:1-", "@" + path));
      lists.add(List.of("@" + path, "5"));
      lists.add(List.of("-k", "@" + path));
    }
    lists.add(List.of("@" + dir.resolve("none")));
    lists.add(List.of("a:1-", "@" + dir));
    lists.add(List.of("@"));
    lists.add(List.of("@@odd:1-"));
    lists.add(List.of("@@"));
    return lists;
  }

  /** What Java decides: the arguments, their argument files expanded, have the plain shape. */
  private static boolean takesPlainPath(PlainShape shape, List<String> args) {
    try {
      return shape.arguments(ArgumentFiles.expand(args.toArray(String[]::new))) != null;
    } catch (UsageException e) {
      return false;
    }
  }

  /** The text of the staged launcher's shell functions {@code names}. */
  private static String functions(String... names) throws IOException {
    List<String> lines = Files.readAllLines(HOME.resolve("bin/rollcall"));
    StringBuilder text = new StringBuilder();
    for (String name : names) {
      int start = lines.indexOf(name + "() {");
      assertThat(start).as("function " + name + " in bin/rollcall").isNotNegative();
      int end = lines.subList(start, lines.size()).indexOf("}") + start;
      text.append(String.join("\n", lines.subList(start, end + 1))).append('\n');
    }
    return text.toString();
  }
}

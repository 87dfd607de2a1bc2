package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.PlainShape;
import org.rollcall.core.cli.Registration;

/**
 * The fast path declared once: the launcher script's lib/classes holds each registry entry as it
 * is, and the script's own test of an argument list (which picks the plain class-data archive) says
 * what Java's {@link PlainShape} says, for every executable and every kind of argument list.
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
          List.of("-s", "ps", "-g", "local"));

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
  void theScriptTakesThePlainPathExactlyWhereJavaDoes() throws Exception {
    String functions = functions("registered", "plain_run", "plain_arguments");
    int plainRuns = 0;
    for (String name : Built.executables()) {
      PlainShape shape = Registration.lookUp(name).plain();
      for (List<String> args : ARGUMENT_LISTS) {
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
        boolean java = shape.words(args.toArray(String[]::new)) != null;
        assertThat(script).as(name + " " + args).isEqualTo(java);
        plainRuns += java ? 1 : 0;
      }
    }
    assertThat(plainRuns).as("argument lists that take the plain path").isGreaterThanOrEqualTo(10);
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

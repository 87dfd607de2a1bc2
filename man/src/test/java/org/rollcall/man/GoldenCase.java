package org.rollcall.man;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden case as an example shows it: the command that runs it and what it prints ({@link
 * GoldenExamples}).
 *
 * @param args the case's arguments without {@code --proc-root @PROC@}
 * @param env its {@code KEY=VALUE} lines
 * @param stdin what it reads, empty for none
 * @param stdout its standard output
 */
record GoldenCase(
    String executable, List<String> args, List<String> env, String stdin, String stdout) {
  /** The saved system a process monitor's case reads instead of /proc, its default. */
  private static final String SAVED_SYSTEM = "@PROC@";

  /** The case whose {@code .args} is {@code argsFile}, beside its other files. */
  static GoldenCase read(String executable, Path argsFile) throws IOException {
    String name = argsFile.getFileName().toString().replaceFirst("\\.args$", "");
    Path dir = argsFile.getParent();
    List<String> args = new ArrayList<>();
    List<String> lines = Files.readAllLines(argsFile, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String arg = lines.get(i);
      if (arg.equals("--proc-root=" + SAVED_SYSTEM)) {
        continue;
      }
      if (arg.equals("--proc-root")
          && i + 1 < lines.size()
          && lines.get(i + 1).equals(SAVED_SYSTEM)) {
        i++;
        continue;
      }
      args.add(arg);
    }
    List<String> env = new ArrayList<>();
    Path envFile = dir.resolve(name + ".env");
    if (Files.exists(envFile)) {
      Files.readAllLines(envFile).stream().filter(l -> l.indexOf('=') > 0).forEach(env::add);
    }
    Path stdinFile = dir.resolve(name + ".stdin");
    String stdin = Files.exists(stdinFile) ? Files.readString(stdinFile) : "";
    String out = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    return new GoldenCase(executable, args, env, stdin, GoldenExamples.stdout(out));
  }

  /**
   * The command as an example shows it (any quoting that gives the same words will do): the
   * executable and its arguments.
   */
  String shown() {
    StringBuilder shown = new StringBuilder(executable);
    args.forEach(a -> shown.append(' ').append(ShellWords.quote(a)));
    return shown.toString();
  }

  /** The command with its input piped in and its environment set, as an example may show it. */
  String shownWhole() {
    StringBuilder shown = new StringBuilder();
    if (!stdin.isEmpty()) {
      List<String> stdinLines = List.of(stdin.split("\n"));
      if (!stdin.endsWith("\n")) {
        shown.append("printf %s ").append(ShellWords.quote(stdin));
      } else if (stdinLines.size() == 1) {
        shown.append("echo ").append(ShellWords.quote(stdinLines.get(0)));
      } else {
        shown.append("printf '%s\\n'");
        stdinLines.forEach(l -> shown.append(' ').append(ShellWords.quote(l)));
      }
      shown.append(" | ");
    }
    for (String variable : env) {
      int eq = variable.indexOf('=');
      shown
          .append(variable, 0, eq + 1)
          .append(ShellWords.quote(variable.substring(eq + 1)))
          .append(' ');
    }
    return shown.append(shown()).toString();
  }

  /**
   * How {@code command} runs something else than this case, or null when it runs this case. The
   * input and the environment may be left out; shown, they must be the case's.
   */
  String differsFrom(String command) {
    String problem = differs(command);
    return problem == null || stdin.isEmpty() && env.isEmpty()
        ? problem
        : problem + " (with its input and environment: " + shownWhole() + ")";
  }

  private String differs(String command) {
    List<List<String>> stages;
    try {
      stages = ShellWords.parse(command);
    } catch (IllegalArgumentException e) {
      return "the command would not run as shown: " + e.getMessage();
    }
    if (stages.size() > 2) {
      return "more than one '|': only the case's input may be piped in";
    }
    if (stages.size() == 2 && stdin.isEmpty()) {
      return "the case reads no input, the command pipes some in";
    }
    if (stages.size() == 2 && !stdin.equals(printed(stages.get(0)))) {
      return "the input piped in is not the case's .stdin";
    }
    List<String> words = stages.get(stages.size() - 1);
    int i = 0;
    List<String> shownEnv = new ArrayList<>();
    while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      shownEnv.add(words.get(i++));
    }
    if (!shownEnv.isEmpty() && !shownEnv.equals(env)) {
      return "the environment differs from the case's .env " + env;
    }
    if (i == words.size()) {
      return "no command";
    }
    // By its path, or through the launcher (rollcall NAME ARGS): the same run.
    String name = GoldenExamples.baseName(words.get(i));
    if (name.equals("rollcall") && i + 1 < words.size()) {
      name = words.get(++i);
    }
    List<String> expected = new ArrayList<>(args);
    String nagios = new PageLayout(executable, "", Path.of(""), Path.of("")).nagiosName();
    if (!nagios.isEmpty() && name.equals(nagios)) {
      if (!expected.remove("--nagios")) {
        return "the case does not run --nagios, so not as " + nagios;
      }
    } else if (!name.equals(executable)) {
      return "the command runs " + name + ", the case " + executable;
    }
    if (!words.subList(i + 1, words.size()).equals(expected)) {
      return "the arguments differ from the case's .args";
    }
    return null;
  }

  /** What an {@code echo} or {@code printf} stage prints, or null for another command. */
  private static String printed(List<String> words) {
    List<String> rest = words.subList(1, words.size());
    if (words.get(0).equals("echo")) {
      return String.join(" ", rest) + "\n";
    }
    if (!words.get(0).equals("printf") || rest.isEmpty()) {
      return null;
    }
    String format = rest.get(0);
    List<String> values = rest.subList(1, rest.size());
    if (format.equals("%s\\n")) {
      StringBuilder out = new StringBuilder();
      values.forEach(v -> out.append(v).append('\n'));
      return out.toString();
    }
    if (format.equals("%s") && values.size() == 1) {
      return values.get(0);
    }
    return values.isEmpty() && !format.contains("%") ? format.replace("\\n", "\n") : null;
  }
}

package org.rollcall.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.rollcall.core.cli.ArgumentFiles;
import org.rollcall.core.cli.Registration;
import org.rollcall.core.cli.UsageException;

/**
 * The one golden harness: every executable's whole runs, held to files a reviewer reads. A module's
 * {@code golden/EXECUTABLE/} directory holds its cases:
 *
 * <ul>
 *   <li>{@code CASE.args}: the arguments, one a line;
 *   <li>{@code CASE.out} and {@code CASE.exit}: the exact stdout and exit code, then each file the
 *       run left in its directory, after a line {@code ==> NAME <==};
 *   <li>optional {@code CASE.stdin} and {@code CASE.env} ({@code KEY=VALUE} lines), for alerts;
 *   <li>optional {@code CASE.files/}: files copied into the run's directory first, their
 *       {@code @KEY@}s replaced (a state file, a stub program: one starting with {@code #!} is made
 *       executable and not shown after the run).
 * </ul>
 *
 * <p>{@code @KEY@} in the arguments, stdin and environment stands for a value the module's test
 * sets ({@code @DIR@}, the run's own directory, always), and the value is written back as
 * {@code @KEY@} in the output. An executable whose registry shape takes the arguments without
 * picocli (its argument files expanded) runs both ways, each in a fresh directory, with the same
 * result. {@code -Dgolden.update=true} rewrites the expectations instead (review the diff before
 * committing it).
 */
public final class Golden {
  /** One case: {@code golden/EXECUTABLE/NAME.*}. */
  public record Case(String executable, String name, Path dir) {
    @Override
    public String toString() {
      return executable + "/" + name;
    }

    Path file(String suffix) {
      return dir.resolve(name + suffix);
    }
  }

  /** A run's exit code and stdout. */
  public record Result(int exit, String stdout) {}

  /** How a module runs one of its executables in this JVM, with its test seams. */
  public interface Runner {
    /**
     * Runs a new instance of {@code executable} with {@code args}, through the plain path when
     * {@code plain} (else always picocli), with {@code stdin} and {@code env}; {@code dir} is the
     * run's own directory ({@code @DIR@}).
     */
    Result run(
        String executable,
        boolean plain,
        String[] args,
        String stdin,
        Map<String, String> env,
        Path dir)
        throws Exception;
  }

  private Golden() {}

  /** Every case under {@code root} (a module's golden directory), executable by executable. */
  public static Stream<Case> cases(Path root) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> executables = Files.list(root)) {
      for (Path dir : executables.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path args : files.filter(f -> f.toString().endsWith(".args")).sorted().toList()) {
            String name = args.getFileName().toString();
            cases.add(
                new Case(
                    dir.getFileName().toString(),
                    name.substring(0, name.length() - ".args".length()),
                    dir));
          }
        }
      }
    }
    return cases.stream();
  }

  /**
   * Runs {@code c} and holds its output to the case's files.
   *
   * @param values what each {@code @KEY@} stands for (besides {@code @DIR@})
   * @param normalize applied to the output first, for what varies from run to run (times)
   */
  public static void check(
      Case c, Runner runner, Map<String, String> values, UnaryOperator<String> normalize)
      throws Exception {
    List<String> argLines = Files.readAllLines(c.file(".args"), StandardCharsets.UTF_8);
    String first = null;
    int firstExit = 0;
    for (boolean plain : new boolean[] {true, false}) {
      Path work =
          Files.createTempDirectory(
              "golden-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("DIR", work.toString());
        copyFiles(c.file(".files"), work, all);
        String[] args = substitute(argLines, all);
        if (plain && !takesPlainPath(c.executable(), args)) {
          continue;
        }
        String stdin = optional(c.file(".stdin"), all);
        Result result = runner.run(c.executable(), plain, args, stdin, environment(c, all), work);
        String output = written(normalize.apply(result.stdout() + filesLeft(work)), all);
        if (first == null) {
          first = output;
          firstExit = result.exit();
        } else {
          assertThat(output).as(c + " through picocli").isEqualTo(first);
          assertThat(result.exit()).as(c + " through picocli").isEqualTo(firstExit);
        }
      } finally {
        delete(work);
      }
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(c.file(".out"), first, StandardCharsets.UTF_8);
      Files.writeString(c.file(".exit"), firstExit + "\n");
    }
    assertThat(first).as(c.toString()).isEqualTo(Files.readString(c.file(".out")));
    assertThat(firstExit)
        .as(c + " exit")
        .isEqualTo(Integer.parseInt(Files.readString(c.file(".exit")).trim()));
  }

  /** Whether the launcher takes {@code args} (argument files expanded) without picocli. */
  private static boolean takesPlainPath(String executable, String[] args) throws IOException {
    try {
      return Registration.lookUp(executable).plain().arguments(ArgumentFiles.expand(args)) != null;
    } catch (UsageException e) {
      return false;
    }
  }

  private static String[] substitute(List<String> lines, Map<String, String> values) {
    String[] out = new String[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = substitute(lines.get(i), values);
    }
    return out;
  }

  private static String substitute(String text, Map<String, String> values) {
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    return text;
  }

  /** {@code output} with each value written back as its {@code @KEY@}, the longest first. */
  private static String written(String output, Map<String, String> values) {
    List<Map.Entry<String, String>> longestFirst = new ArrayList<>(values.entrySet());
    longestFirst.sort(Comparator.comparingInt(e -> -e.getValue().length()));
    for (Map.Entry<String, String> value : longestFirst) {
      output = output.replace(value.getValue(), "@" + value.getKey() + "@");
    }
    return output;
  }

  private static String optional(Path file, Map<String, String> values) throws IOException {
    return Files.exists(file) ? substitute(Files.readString(file), values) : "";
  }

  private static Map<String, String> environment(Case c, Map<String, String> values)
      throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : optional(c.file(".env"), values).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  /** Copies each file of {@code from} into {@code to}, its {@code @KEY@}s replaced. */
  private static void copyFiles(Path from, Path to, Map<String, String> values) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.sorted().toList()) {
        Path copy = to.resolve(file.getFileName().toString());
        Files.writeString(copy, substitute(Files.readString(file), values));
        Files.setPosixFilePermissions(
            copy, PosixFilePermissions.fromString(isProgram(copy) ? "rwx------" : "rw-------"));
      }
    }
  }

  /** Each regular file the run left in {@code dir}, but programs, after a {@code ==> NAME <==}. */
  private static String filesLeft(Path dir) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        if (!isProgram(file)) {
          out.append("==> ")
              .append(dir.relativize(file))
              .append(" <==\n")
              .append(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return out.toString();
  }

  private static boolean isProgram(Path file) throws IOException {
    byte[] start = new byte[2];
    try (var in = Files.newInputStream(file)) {
      return in.read(start) == 2 && start[0] == '#' && start[1] == '!';
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}

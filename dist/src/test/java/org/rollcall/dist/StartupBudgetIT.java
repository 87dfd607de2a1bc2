package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.core.cli.Registration;

/**
 * The plain path's start-up budget, enforced: every line of the staged {@code lib/training} runs in
 * order (as {@code --build-archives} runs them, so cpu.monitor's plain run measures since the state
 * its {@code --sample} run left), with class loading logged, on every JDK installed; a plain line
 * (its executable's registry shape accepts it) may load none of {@link #FORBIDDEN} once rollcall's
 * Main is loaded (what the JVM loads for itself before that is not rollcall's to spend), except
 * what {@link #EXCEPTIONS} allow. A process holding group 0 without root's user (as root) and a
 * busy loop run meanwhile, so exclusion.monitor's offender lines and, load allowing, cpu.monitor's
 * are written too: a failing run is as common under mon as a passing one.
 */
class StartupBudgetIT {
  /**
   * What a plain run must not load, by class name or by a prefix ending in '.' or '$', and what
   * each costs.
   */
  static final Map<String, String> FORBIDDEN = new LinkedHashMap<>();

  /**
   * The only exceptions: a term in a plain line that needs a forbidden class, and the prefix it may
   * load.
   */
  static final Map<String, String> EXCEPTIONS = Map.of("args=", "java.util.regex.");

  static {
    FORBIDDEN.put("java.util.regex.Pattern", "a regular expression, compiled again on every run");
    FORBIDDEN.put("java.util.regex.Matcher", "a regular expression's match");
    FORBIDDEN.put("java.util.Formatter", "String.format: a parser of its own, and a Locale lookup");
    FORBIDDEN.put(
        "java.lang.invoke.LambdaMetafactory",
        "a lambda or method reference: its first boots the " + "JDK's method-handle machinery");
    FORBIDDEN.put(
        "java.lang.invoke.InnerClassLambdaMetafactory", "a lambda spun into a class at run time");
    FORBIDDEN.put("java.lang.invoke.LambdaForm$", "method-handle forms spun at run time");
    FORBIDDEN.put(
        "java.lang.runtime.ObjectMethods", "a record's equals, hashCode or toString (a bootstrap)");
    FORBIDDEN.put(
        "java.lang.invoke.StringConcatFactory",
        "string concatenation by invokedynamic (the build " + "compiles it inline)");
    FORBIDDEN.put("java.util.stream.", "a stream pipeline");
    FORBIDDEN.put("picocli.", "picocli's command model, which the plain path exists to skip");
    FORBIDDEN.put(
        "com.sun.jna.",
        "JNA, for an NSS lookup the passwd and group files answer first here: defining its first"
            + " class reads every jar's directory (about 5 ms)");
  }

  private static final Path HOME = Built.TARGET.resolve("stage/rollcall-" + Built.VERSION);

  static Stream<Path> jdks() {
    return Jdks.installed().stream().filter(jdk -> Jdks.feature(jdk) >= 17);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void noPlainTrainingLineLoadsWhatThePlainPathMustNot(Path jdk, @TempDir Path work)
      throws Exception {
    Path state = Files.createDirectory(work.resolve("state"));
    Process offender =
        Shell.isRoot()
            ? new ProcessBuilder(
                    "setpriv", "--reuid=65534", "--regid=0", "--clear-groups", "sleep", "600")
                .start()
            : null;
    Process hog = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    try {
      check(jdk, work, state, offender);
    } finally {
      hog.destroyForcibly().waitFor();
      if (offender != null) {
        offender.destroyForcibly().waitFor();
      }
    }
  }

  private static void check(Path jdk, Path work, Path state, Process offender) throws Exception {
    List<String> violations = new ArrayList<>();
    int plainLines = 0;
    int n = 0;
    for (String line : Files.readAllLines(HOME.resolve("lib/training"))) {
      List<String> words = Arrays.asList(line.trim().split(" +"));
      String name = words.get(0);
      String[] args = words.subList(1, words.size()).toArray(String[]::new);
      Registration entry = Registration.lookUp(name);
      Path log = work.resolve(++n + ".classes");
      List<String> command =
          new ArrayList<>(
              List.of(
                  jdk.resolve("bin/java").toString(),
                  "-Xlog:disable",
                  "-Xlog:class+load=info:file=" + log,
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  classPath(),
                  "-Drollcall.class." + name + "=" + entry.className(),
                  "-Drollcall.plain." + name + "=" + entry.plain().declaration(),
                  "org.rollcall.core.cli.Main"));
      command.addAll(words);
      Shell.Result run = Shell.run(Map.of("MON_STATEDIR", state.toString()), command);
      assertThat(run.stdout()).as(line).isNotEmpty();
      if (entry.plain().arguments(args) == null) {
        continue;
      }
      plainLines++;
      if (offender != null && name.equals("exclusion.monitor")) {
        assertThat(run.stdout()).as(line).contains("(" + offender.pid() + ")");
      }
      for (String loaded : loadedAfterMain(log)) {
        String why = forbidden(loaded, line);
        if (why != null) {
          violations.add(line + ": " + loaded + " (" + why + ")");
        }
      }
    }
    assertThat(plainLines).as("plain training lines").isGreaterThanOrEqualTo(4);
    assertThat(violations).as("classes plain runs loaded on " + jdk).isEmpty();
  }

  /** Why {@code loaded} is forbidden on the plain {@code line}, or null when it is not. */
  static String forbidden(String loaded, String line) {
    for (Map.Entry<String, String> rule : FORBIDDEN.entrySet()) {
      String name = rule.getKey();
      boolean prefix = name.endsWith(".") || name.endsWith("$");
      if (prefix ? loaded.startsWith(name) : loaded.equals(name)) {
        for (Map.Entry<String, String> exception : EXCEPTIONS.entrySet()) {
          if (line.contains(exception.getKey()) && loaded.startsWith(exception.getValue())) {
            return null;
          }
        }
        return rule.getValue();
      }
    }
    return null;
  }

  /** The classes the log says were loaded from rollcall's Main on, by name. */
  private static List<String> loadedAfterMain(Path log) throws IOException {
    List<String> names = new ArrayList<>();
    boolean started = false;
    for (String entry : Files.readAllLines(log)) {
      // [0.115s][info][class,load] NAME source: ...
      String[] fields = entry.split(" ");
      if (fields.length < 2) {
        continue;
      }
      started |= fields[1].equals("org.rollcall.core.cli.Main");
      if (started) {
        names.add(fields[1]);
      }
    }
    assertThat(started).as("rollcall's Main in " + log).isTrue();
    return names;
  }

  private static String classPath() throws IOException {
    try (Stream<Path> jars = Files.list(HOME.resolve("lib"))) {
      return String.join(
          ":",
          jars.filter(jar -> jar.toString().endsWith(".jar"))
              .map(Path::toString)
              .sorted()
              .toList());
    }
  }
}

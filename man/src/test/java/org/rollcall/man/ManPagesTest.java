package org.rollcall.man;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.core.cli.ExecutableRegistry;

/** The pages the build rendered (target/classes/man1), read with man(1) as a sysadmin would. */
class ManPagesTest {
  private static final Path MAN1 = Path.of("target/classes/man1");

  private static List<String> pages() {
    List<String> names =
        new ArrayList<>(ExecutableRegistry.names(ManPagesTest.class.getClassLoader()));
    names.add("rollcall");
    return names;
  }

  @Test
  void everyExecutableAndTheLauncherHasAPageWithTheSectionsAGeneratorCannotKnow()
      throws IOException {
    assertThat(pages()).contains("ps.monitor", "nagios.monitor");
    for (String name : pages()) {
      String page = Files.readString(MAN1.resolve(name + ".1"));
      assertThat(page)
          .as(name)
          .contains(".TH \"" + name.toUpperCase() + "\" \"1\" \"2026-11-22\" \"rollcall ");
      assertThat(page)
          .as(name)
          .contains(
              ".SH \"EXIT STATUS\"",
              ".SH \"ENVIRONMENT\"",
              ".SH \"FILES\"",
              ".SH \"EXAMPLES\"",
              "JAVA_HOME");
    }
    for (String name : ExecutableRegistry.names(ManPagesTest.class.getClassLoader())) {
      assertThat(Files.readString(MAN1.resolve(name + ".1")))
          .as(name + " has OUTPUT, SECURITY and SEE ALSO")
          .contains(".SH \"OUTPUT\"", ".SH \"SECURITY\"", ".SH \"SEE ALSO\"");
    }
    String ps = Files.readString(MAN1.resolve("ps.monitor.1"));
    assertThat(ps)
        .contains("rollcall\\-rules", "check_rollcall_ps", "monitor ps.monitor \\-\\-recheck 10");
    String bridge = Files.readString(MAN1.resolve("nagios.monitor.1"));
    assertThat(bridge)
        .as("'--' kept as two hyphens, not an em dash")
        .contains("nagios.monitor \\-\\- /usr/lib/nagios/plugins/check_disk");
  }

  /** The Nagios plugin names the package gives the monitors, as the pages derive them. */
  private static List<String> nagiosNames() {
    List<String> names = new ArrayList<>();
    for (String name : ExecutableRegistry.names(ManPagesTest.class.getClassLoader())) {
      String nagios = new PageLayout(name, "", Path.of(""), Path.of("")).nagiosName();
      if (!nagios.isEmpty()) {
        names.add(nagios);
      }
    }
    return names;
  }

  @Test
  void everyNagiosNameIsASoLinkToAPageThatDocumentsTheNagiosContract() throws IOException {
    assertThat(nagiosNames()).contains("check_rollcall_ps", "check_rollcall_ssh");
    for (String nagios : nagiosNames()) {
      String monitor = nagios.substring("check_rollcall_".length()) + ".monitor";
      assertThat(MAN1.resolve(nagios + ".1")).hasContent(".so man1/" + monitor + ".1");
      assertThat(Files.readString(MAN1.resolve(monitor + ".1")))
          .as(monitor)
          .contains(".SH \"NAGIOS PLUGIN\"", ".SS \"Performance data\"", "Run as \\fB" + nagios);
    }
    assertThat(Files.readString(MAN1.resolve("ssh.monitor.1")))
        .contains("mon has no warning state", "defaults to 22");
  }

  /**
   * man-db as a sysadmin meets it: the pages indexed by mandb in a private manual tree, then {@code
   * man -k}, {@code man -w} and {@code man --warnings} on the Nagios names.
   */
  @Test
  void manFindsEveryExecutableByRollcallAndOpensTheNagiosNames(@TempDir Path tree)
      throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/mandb")),
        "mandb is not installed (Debian package man-db)");
    Path man1 = Files.createDirectories(tree.resolve("man1"));
    Path man5 = Files.createDirectories(tree.resolve("man5"));
    // Compressed, as the package installs them: a .so link the tree cannot resolve fails there.
    try (var pages = Files.list(MAN1)) {
      for (Path page : pages.toList()) {
        Path section = page.toString().endsWith(".5") ? man5 : man1;
        try (var out =
            new GZIPOutputStream(
                Files.newOutputStream(section.resolve(page.getFileName() + ".gz")))) {
          Files.copy(page, out);
        }
      }
    }
    run("mandb", "-q", tree.toString());
    List<String> listed = new ArrayList<>();
    for (String line : run("man", "-M", tree.toString(), "-k", "rollcall").split("\n")) {
      listed.add(line.substring(0, line.indexOf(" (")));
    }
    assertThat(listed).containsAll(pages()).containsAll(nagiosNames()).contains("rollcall-rules");
    for (String nagios : nagiosNames()) {
      String monitor = nagios.substring("check_rollcall_".length()) + ".monitor";
      assertThat(run("man", "-M", tree.toString(), "-w", nagios))
          .isEqualTo(man1.resolve(monitor + ".1.gz") + "\n");
      assertThat(run("man", "--warnings", "-M", tree.toString(), nagios))
          .contains(monitor + " - ", "NAGIOS PLUGIN", "Run as " + nagios);
    }
  }

  /** {@code command}'s standard output; fails on a warning on standard error or a failed exit. */
  private static String run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    var stderr =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String stdout = read(process.getInputStream());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(stderr.join()).as(String.join(" ", command)).isEmpty();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    return stdout;
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Every page the build rendered, the Nagios names' {@code .so} links and rollcall-rules(5)
   * included, read as the package installs them: by man(1) with its warnings on and by groff with
   * all of its warnings, from the directory above man1 (where a {@code .so man1/...} link
   * resolves), each silent and successful.
   */
  @Test
  void manAndGroffRenderEveryPageWithoutAWarning() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/man")),
        "man is not installed (Debian package man-db)");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/groff")),
        "groff is not installed (Debian package groff-base)");
    List<String> rendered;
    try (var files = Files.list(MAN1)) {
      rendered = files.map(p -> MAN1.getFileName() + "/" + p.getFileName()).sorted().toList();
    }
    List<String> expected = new ArrayList<>();
    for (String name : pages()) {
      expected.add("man1/" + name + ".1");
    }
    for (String nagios : nagiosNames()) {
      expected.add("man1/" + nagios + ".1");
    }
    expected.add("man1/rollcall-rules.5");
    assertThat(rendered).containsAll(expected);
    for (String page : rendered) {
      runIn(MAN1.getParent(), "man", "--warnings", "-l", page);
      runIn(MAN1.getParent(), "groff", "-man", "-ww", "-z", page);
    }
  }

  /** Runs {@code command} in {@code dir}: fails on anything on standard error or a failed exit. */
  private static void runIn(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String warnings = read(process.getErrorStream());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(warnings).as(String.join(" ", command)).isEmpty();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
  }
}

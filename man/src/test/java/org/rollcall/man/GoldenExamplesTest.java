package org.rollcall.man;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.ExecutableRegistry;

/**
 * Every example that shows a run and its output, in the man page templates, README.md and the other
 * Markdown files, is tied to a golden case ({@link GoldenExamples}), which the module's GoldenTest
 * runs: the page then shows what the executable prints. A man page block that shows a rollcall run
 * and its output untied fails.
 */
class GoldenExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path TEMPLATES = Path.of("src/main/man-templates");
  private static final Path SAMPLES = Path.of("src/test/resources/golden-examples");

  private static GoldenExamples examples() throws IOException {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules
          .map(m -> m.resolve("src/test/resources/golden"))
          .filter(Files::isDirectory)
          .sorted()
          .forEach(roots::add);
    }
    assertThat(roots)
        .extracting(r -> ROOT.relativize(r).getName(0).toString())
        .contains("monitors", "alerts");
    List<String> names = new ArrayList<>(ExecutableRegistry.names(loader()));
    for (String name : ExecutableRegistry.names(loader())) {
      String nagios = new PageLayout(name, "", Path.of(""), Path.of("")).nagiosName();
      if (!nagios.isEmpty()) {
        names.add(nagios);
      }
    }
    names.add("rollcall");
    return new GoldenExamples(roots, names);
  }

  private static ClassLoader loader() {
    return GoldenExamplesTest.class.getClassLoader();
  }

  /** The Markdown files of the project, build output left out. */
  private static List<Path> markdown() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(f -> f.toString().endsWith(".md"))
          .filter(
              f -> !ROOT.relativize(f).toString().matches("(.*/)?(target|\\.git|node_modules)/.*"))
          .filter(f -> !f.startsWith(SAMPLES.toAbsolutePath()))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyManPageExampleWithOutputIsItsGoldenCase() throws IOException {
    GoldenExamples examples = examples();
    List<String> problems = new ArrayList<>();
    try (Stream<Path> templates = Files.list(TEMPLATES)) {
      for (Path template :
          templates.filter(t -> t.toString().endsWith(".adoc")).sorted().toList()) {
        problems.addAll(examples.problems(template, Files.readString(template), true));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyMarkedMarkdownExampleIsItsGoldenCase() throws IOException {
    GoldenExamples examples = examples();
    List<Path> files = markdown();
    assertThat(files).contains(ROOT.resolve("README.md"));
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      problems.addAll(examples.problems(ROOT.relativize(file), Files.readString(file), false));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aTiedExampleHoldsAndEachWrongLineFails() throws IOException {
    GoldenExamples examples = examples();
    Path page = SAMPLES.resolve("example.adoc");
    String text = Files.readString(page);
    assertThat(GoldenExamples.blocks("example.adoc", text))
        .extracting(GoldenExamples.Block::marker)
        .containsExactly("ps.monitor/state-and-rss", null);
    assertThat(examples.problems(page, text, true)).isEmpty();

    assertThat(
            examples.problems(
                page, text.replace("pids 900 (rss 3.0 GiB)", "pids 901 (rss 3.0 GiB)"), true))
        .singleElement()
        .asString()
        .startsWith(page + ":8: golden: ps.monitor/state-and-rss: the output differs")
        .contains("pids 901");
    assertThat(examples.problems(page, text.replace("'backupd,rss>2G:0-0'", "backupd:0-0"), true))
        .singleElement()
        .asString()
        .contains("the arguments differ from the case's .args")
        .contains("expected:\n$ ps.monitor state=Z:0-0 'backupd,rss>2G:0-0'");
    assertThat(
            examples.problems(
                page, text.replace("'backupd,rss>2G:0-0'", "backupd,rss>2G:0-0"), true))
        .singleElement()
        .asString()
        .contains("the command would not run as shown: an unquoted '>' (quote it)");
    assertThat(examples.problems(page, text.replace("state-and-rss", "no-such-case"), true))
        .singleElement()
        .asString()
        .contains("golden: ps.monitor/no-such-case: no such golden case");
    assertThat(
            examples.problems(
                page, text.replace("// golden: ps.monitor/state-and-rss\n", ""), true))
        .singleElement()
        .asString()
        .contains(
            ":7: a run of $ ps.monitor 'state=Z:0-0' 'backupd,rss>2G:0-0' with its output but no"
                + " golden marker");
    assertThat(
            examples.problems(
                page, text.replace("// golden: ps.monitor/state-and-rss\n", ""), false))
        .as("untied blocks are allowed outside the man pages")
        .isEmpty();
  }

  @Test
  void aMarkdownExampleMayContinueItsCommandAndShowTheNagiosName() throws IOException {
    GoldenExamples examples = examples();
    Path page = SAMPLES.resolve("example.md");
    String text = Files.readString(page);
    assertThat(examples.problems(page, text, false)).isEmpty();
    assertThat(examples.problems(page, text.replace("cron:1 ", "cron:2 "), false))
        .singleElement()
        .asString()
        .contains(page + ":4: golden: ps.monitor/all-hold: the output differs");

    String nagios =
        "<!-- golden: ps.monitor/nagios-ok -->\n```\n$ check_rollcall_ps sshd:1- cron:1-\n"
            + "PS OK: 2 rules hold: sshd:3 cron:1 | sshd=3;;1:;0 cron=1;;1:;0\n```\n";
    assertThat(examples.problems(page, nagios, false)).isEmpty();
    assertThat(examples.problems(page, nagios.replace("nagios-ok", "all-hold"), false).get(0))
        .contains("the case does not run --nagios, so not as check_rollcall_ps");
  }

  @Test
  void anAlertExamplePipesItsInputAndSetsItsEnvironment() throws IOException {
    GoldenExamples examples = examples();
    String shown =
        "$ echo 'sshd:0' | MON_STATEDIR=@DIR@ restart.alert -s ssh -g local -t 1764806400";
    String block =
        "// golden: restart.alert/no-target\n----\n"
            + shown
            + "\nrestart.alert: NOT delivered ALERT local/ssh: : cannot deliver: give exactly one"
            + " of --systemd UNIT or --command PROGRAM; saved in @DIR@/rollcall-undelivered.log\n"
            + "----\n";
    Path page = Path.of("alert.adoc");
    assertThat(examples.problems(page, block, true))
        .singleElement()
        .asString()
        .contains("the case reads no input, the command pipes some in");
    assertThat(examples.problems(page, block.replace("echo 'sshd:0' | ", ""), true)).isEmpty();
    assertThat(
            examples.problems(
                page,
                block
                    .replace("echo 'sshd:0' | ", "")
                    .replace(" restart.alert ", " rollcall restart.alert "),
                true))
        .as("run through the launcher")
        .isEmpty();
    assertThat(
            examples.problems(
                page,
                block
                    .replace("echo 'sshd:0' | ", "")
                    .replace(" restart.alert ", " /usr/lib/mon/alert.d/restart.alert "),
                true))
        .as("run by its path")
        .isEmpty();
    assertThat(
            examples.problems(page, block.replace("echo 'sshd:0' | MON_STATEDIR=@DIR@ ", ""), true))
        .anySatisfy(p -> assertThat(p).contains("the environment differs"));
  }

  @Test
  void aFileSectionIsNotStandardOutput() {
    assertThat(GoldenExamples.stdout("line\n==> state <==\nkept\n")).isEqualTo("line\n");
    assertThat(GoldenExamples.stdout("==> state <==\nkept\n")).isEmpty();
    assertThat(GoldenExamples.stdout("a\nb\n")).isEqualTo("a\nb\n");
  }

  @Test
  void shellWordsAreSplitAsAShellSplitsThem() {
    assertThat(ShellWords.parse("ps.monitor 'sshd,!user=root:0-0' \"a b\" c\\ d"))
        .containsExactly(List.of("ps.monitor", "sshd,!user=root:0-0", "a b", "c d"));
    assertThat(ShellWords.parse("echo x | file.alert -s ps"))
        .containsExactly(List.of("echo", "x"), List.of("file.alert", "-s", "ps"));
    for (String refused : List.of("ps.monitor sshd,!user=root:0-0", "ps.monitor '*:1-", "a > b")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShellWords.parse(refused))
          .as(refused)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ShellWords.quote("sshd:1-")).isEqualTo("sshd:1-");
    assertThat(ShellWords.quote("it's *")).isEqualTo("'it'\\''s *'");
  }
}

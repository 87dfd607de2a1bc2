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
  void anAlertExampleMayShowItsInputAndEnvironmentButThenTheCases() throws IOException {
    GoldenExamples examples = examples();
    String block =
        "// golden: file.alert/upalert\n----\n"
            + "$ file.alert -d @DIR@ -u -s processes -g local -h web1 -t 1764806700 alerts.log\n"
            + "file.alert: sent UPALERT local/processes: 2 rules hold: sshd:1 cron:1 to"
            + " @DIR@/alerts.log\n----\n";
    Path page = Path.of("alert.adoc");
    assertThat(examples.problems(page, block, true)).isEmpty();
    String whole =
        block.replace(
            "$ file.alert",
            "$ echo '2 rules hold: sshd:1 cron:1' | MON_ALERTTYPE=up MON_OPSTATUS=1"
                + " MON_STATEDIR=@DIR@ file.alert");
    assertThat(examples.problems(page, whole, true)).isEmpty();
    assertThat(examples.problems(page, whole.replace("echo '2 rules", "echo '3 rules"), true))
        .singleElement()
        .asString()
        .contains("the input piped in is not the case's .stdin");
    assertThat(examples.problems(page, whole.replace("MON_OPSTATUS=1", "MON_OPSTATUS=0"), true))
        .singleElement()
        .asString()
        .contains("the environment differs");
    assertThat(examples.problems(page, block.replace("web1", "web2"), true))
        .singleElement()
        .asString()
        .contains("the arguments differ")
        .contains("(with its input and environment: echo '2 rules hold: sshd:1 cron:1' |");
    assertThat(
            examples.problems(
                page, block.replace(" file.alert -d", " rollcall file.alert -d"), true))
        .as("run through the launcher")
        .isEmpty();
    assertThat(
            examples.problems(
                page, block.replace(" file.alert -d", " /usr/lib/mon/alert.d/file.alert -d"), true))
        .as("run by its path")
        .isEmpty();

    String noInput =
        "// golden: restart.alert/no-target\n----\n"
            + "$ echo x | restart.alert -s ssh -g local -t 1764806400\n"
            + "restart.alert: NOT delivered ALERT local/ssh: : cannot deliver: give exactly one"
            + " of --systemd UNIT or --command PROGRAM; saved in @DIR@/rollcall-undelivered.log\n"
            + "----\n";
    assertThat(examples.problems(page, noInput, true))
        .singleElement()
        .asString()
        .contains("the case reads no input, the command pipes some in");
    assertThat(examples.problems(page, noInput.replace("echo x | ", ""), true)).isEmpty();
  }

  @Test
  void theSavedSystemMayReadAsProc() throws IOException {
    GoldenExamples examples = examples();
    String block = "// golden: ps.monitor/explain-missing\n----\n$ ps.monitor -x 9999\n%s----\n";
    String out =
        GoldenExamples.stdout(
            Files.readString(
                ROOT.resolve("monitors/src/test/resources/golden/ps.monitor/explain-missing.out")));
    assertThat(out).contains("@PROC@");
    assertThat(examples.problems(Path.of("p.adoc"), block.formatted(out), true)).isEmpty();
    assertThat(
            examples.problems(
                Path.of("p.adoc"), block.formatted(out.replace("@PROC@", "/proc")), true))
        .isEmpty();
    assertThat(
            examples.problems(
                Path.of("p.adoc"), block.formatted(out.replace("@PROC@", "/srv/proc")), true))
        .singleElement()
        .asString()
        .contains("the output differs");
  }

  @Test
  void onlyTheSavedSystemsProcRootIsLeftOut() throws IOException {
    GoldenExamples examples = examples();
    String block =
        "// golden: ps.discover/debian-rules\n----\n$ ps.discover --proc-root @DEBIAN@\n----\n";
    assertThat(examples.problems(Path.of("p.adoc"), block, true))
        .allSatisfy(p -> assertThat(p).doesNotContain("the arguments differ"));
    assertThat(
            examples.problems(Path.of("p.adoc"), block.replace(" --proc-root @DEBIAN@", ""), true))
        .anySatisfy(p -> assertThat(p).contains("the arguments differ"));
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

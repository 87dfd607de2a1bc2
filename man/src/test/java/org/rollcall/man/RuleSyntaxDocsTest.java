package org.rollcall.man;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.Launchable;
import org.rollcall.core.match.MatchParser;
import org.rollcall.monitors.discover.PsDiscover;
import org.rollcall.monitors.procs.ProcsMonitor;
import org.rollcall.monitors.ps.PsMonitor;
import picocli.CommandLine;

/**
 * The MATCH and RULE syntax is written once, in rollcall-rules(5): every term keyword the parser
 * takes is defined there, named in ps.monitor --help, and defined on no other page; the pages of
 * the executables that take or print a MATCH point to it; their --help fits 80 columns with the
 * example whole on one line.
 */
class RuleSyntaxDocsTest {
  private static final Path TEMPLATES = Path.of("src/main/man-templates");
  private static final String RULES_PAGE = "rollcall-rules.adoc";

  /** The executables this page serves; exclusion.monitor and cpu.monitor take a MATCH too. */
  private static final List<String> MATCH_PAGES =
      List.of("ps.monitor", "procs.monitor", "ps.discover", "exclusion.monitor", "cpu.monitor");

  @Test
  void everyKeywordIsDefinedInTheTermsOfRollcallRules() throws IOException {
    List<String> defined = new ArrayList<>();
    for (String term : definitionTerms(termsSection(read(RULES_PAGE)))) {
      defined.addAll(List.of(plain(term).split(", ")));
    }
    for (String keyword : MatchParser.keywords()) {
      assertThat(defined)
          .as("rollcall-rules(5) defines %s", keyword)
          .anyMatch(entry -> entry.startsWith(keyword));
    }
  }

  @Test
  void psMonitorHelpNamesEveryKeywordAndPointsToTheManual() {
    String help = help(new PsMonitor());
    for (String keyword : MatchParser.keywords()) {
      assertThat(help.replace("\n", " ")).as("--help names %s", keyword).contains(keyword);
    }
    assertThat(help.replace("\n", " ")).contains("man rollcall-rules");
  }

  @Test
  void noOtherPageDefinesTheTerms() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.equals(RULES_PAGE)) {
          continue;
        }
        for (String term : definitionTerms(Files.readString(file))) {
          for (String entry : plain(term).split(", ")) {
            assertThat(MatchParser.keywords())
                .as(
                    "%s defines the term '%s': the syntax belongs in rollcall-rules(5)",
                    name, entry)
                .noneMatch(keyword -> entry.startsWith(keyword));
          }
        }
      }
    }
  }

  @Test
  void everyPageThatTakesOrPrintsAMatchPointsToRollcallRules() throws IOException {
    for (String page : MATCH_PAGES) {
      assertThat(read(page + "-see-also.adoc")).as(page).contains("*rollcall-rules*(5)");
    }
  }

  @Test
  void helpFitsEightyColumnsWithTheExampleWhole() {
    for (Launchable command :
        new Launchable[] {new PsMonitor(), new ProcsMonitor(), new PsDiscover()}) {
      CommandLine line = new CommandLine(command);
      String help = line.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String row : help.split("\n")) {
        assertThat(row.length())
            .as("%s --help: %s", line.getCommandName(), row)
            .isLessThanOrEqualTo(80);
      }
      String[] description = line.getCommandSpec().usageMessage().description();
      String example = description[description.length - 1];
      assertThat(example).startsWith("Example: ");
      assertThat(help.split("\n")).as(line.getCommandName()).contains(example);
    }
  }

  private static String help(Launchable command) {
    return new CommandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static String read(String template) throws IOException {
    return Files.readString(TEMPLATES.resolve(template));
  }

  private static String termsSection(String page) {
    int start = page.indexOf("\n== Terms\n");
    assertThat(start).as("rollcall-rules(5) has a Terms section").isNotNegative();
    int end = page.indexOf("\n== ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** The terms of the definition lists ({@code TERM::}) outside listing blocks. */
  private static List<String> definitionTerms(String adoc) {
    List<String> terms = new ArrayList<>();
    boolean listing = false;
    for (String line : adoc.split("\n")) {
      if (line.equals("----") || line.equals("....")) {
        listing = !listing;
      } else if (!listing && line.endsWith("::") && !line.startsWith("include::")) {
        terms.add(line.substring(0, line.length() - 2));
      }
    }
    return terms;
  }

  /** A term as a reader sees it: bold and italic marks gone, a passed-through "*" kept. */
  private static String plain(String term) {
    return term.replace("pass:[*]", "\u0001")
        .replace("{asterisk}", "\u0001")
        .replace("*", "")
        .replace("_", "")
        .replace("\u0001", "*");
  }
}

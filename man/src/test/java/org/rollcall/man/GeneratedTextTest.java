package org.rollcall.man;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rollcall.core.cli.ExecutableRegistry;
import org.rollcall.core.cli.Main;
import picocli.CommandLine;

/** What ManPages changes in picocli's generated AsciiDoc, and what rollcall(1) derives from it. */
class GeneratedTextTest {
  @Test
  void aSpacedDoubleHyphenStaysTwoHyphensButALiteralExampleIsLeftAsWritten() {
    assertThat(
            ManPages.escapeDoubleHyphens(
                "Example: nagios.monitor -- check_disk\n\n  alert x.alert -- graceful\n"
                    + "  y -- z\n*x* [*-a*]\n   [_ARG_ -- ...]"))
        .isEqualTo(
            "Example: nagios.monitor \\-- check_disk\n\n  alert x.alert -- graceful\n"
                + "  y -- z\n*x* [*-a*]\n   [_ARG_ \\-- ...]");
  }

  @Test
  void anOptionWithOneShortNameIsWrittenAsHelpWritesIt() {
    assertThat(ManPages.tidyOptionLabels("*-s*, _SERVICE_::\n  The service.\n\n*-u*, ::\n"))
        .isEqualTo("*-s*=_SERVICE_::\n  The service.\n\n*-u*::\n");
    assertThat(ManPages.tidyOptionLabels("*-v*, *--verbose*::\n*--help*::\n"))
        .isEqualTo("*-v*, *--verbose*::\n*--help*::\n");
  }

  @Test
  void bracketsInALabelCannotStartAnAttributeList() {
    assertThat(ManPages.tidyOptionLabels("[*--smtp*=_HOST[:PORT]_] [*--smtp-user*=_USER_]"))
        .isEqualTo("[*--smtp*=_HOST{startsb}:PORT{endsb}_] [*--smtp-user*=_USER_]");
  }

  @Test
  void theLaunchersPageListsEveryExecutableWithItsSummary() throws Exception {
    String page =
        Files.readString(Path.of("target/classes/man1/rollcall.1"))
            .replace("\\-", "-")
            .replace("\\(cq", "'")
            .replace("\\*(Aq", "'");
    for (String name : ExecutableRegistry.names(GeneratedTextTest.class.getClassLoader())) {
      String header =
          new CommandLine(Main.lookUp(name)).getCommandSpec().usageMessage().header()[0];
      assertThat(page).as(name).contains("\\fB" + name + "\\fP(1)\n.RS 4\n" + header + ".\n");
    }
    assertThat(page).contains("\\fBrollcall-rules\\fP(5)");
  }
}

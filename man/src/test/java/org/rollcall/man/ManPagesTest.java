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
import org.junit.jupiter.api.Test;
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
    String ps = Files.readString(MAN1.resolve("ps.monitor.1"));
    assertThat(ps)
        .contains(".SH \"RULES\"", "check_rollcall_ps", "monitor ps.monitor \\-\\-recheck 10");
    String bridge = Files.readString(MAN1.resolve("nagios.monitor.1"));
    assertThat(bridge)
        .as("'--' kept as two hyphens, not an em dash")
        .contains("nagios.monitor \\-\\- /usr/lib/nagios/plugins/check_disk");
  }

  @Test
  void manRendersEveryPageWithoutAWarning() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/man")),
        "man is not installed (Debian package man-db)");
    for (String name : pages()) {
      Process man =
          new ProcessBuilder("man", "--warnings", "-l", MAN1.resolve(name + ".1").toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String warnings = new String(man.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(man.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(warnings).as(name).isEmpty();
      assertThat(man.exitValue()).as(name).isZero();
    }
  }
}

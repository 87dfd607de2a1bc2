package org.rollcall.man;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which sections and templates a page is made of, for executables with and without their own
 * templates.
 */
class PageLayoutTest {
  @TempDir Path templates;

  @Test
  void anExecutablesOwnTemplateWinsOverItsKinds() throws IOException {
    Files.writeString(templates.resolve("ps.monitor-examples.adoc"), "");
    String page =
        new PageLayout("ps.monitor", "Count processes", Path.of("/gen"), templates).asciidoc();
    assertThat(page)
        .startsWith(
            "include::/gen/ps.monitor.adoc[tag=picocli-generated-man-section-header]\n\n"
                + ":rc-name: ps.monitor\n:rc-nagios-name: check_rollcall_ps\n"
                + ":rc-icinga-command: rollcall-ps\n\n"
                + "== Name\n\nps.monitor - Count processes (rollcall)\n\n");
    assertThat(page)
        .contains(
            "include::" + templates.resolve("ps.monitor-examples.adoc") + "[]",
            "include::" + templates.resolve("monitor-exit-status.adoc") + "[]",
            "include::" + templates.resolve("monitor-nagios.adoc") + "[]");
    assertThat(new PageLayout("ps.monitor", "Count processes", Path.of("/gen"), templates))
        .extracting(PageLayout::nagiosLink)
        .isEqualTo(".so man1/ps.monitor.1\n");
  }

  @Test
  void theNameLineNeedsAOneLineSummary() {
    assertThatThrownBy(() -> new PageLayout("x.alert", null, Path.of("/gen"), templates).nameLine())
        .hasMessageContaining("x.alert needs a one-line summary in its @Command(header = ...)");
    assertThat(new PageLayout("x.alert", "Say it", Path.of("/gen"), templates).nameLine())
        .isEqualTo("x.alert - Say it (rollcall)");
  }

  @Test
  void alertsAndTheNagiosBridgeGetNoNagiosName() {
    String alert =
        new PageLayout("mail.alert", "Mail an alert", Path.of("/gen"), templates).asciidoc();
    assertThat(alert)
        .doesNotContain("rc-nagios-name")
        .doesNotContain("nagios.adoc")
        .contains(templates.resolve("alert-environment.adoc") + "[]");
    assertThat(
            new PageLayout("nagios.monitor", "Run a plugin", Path.of("/gen"), templates)
                .nagiosName())
        .isEmpty();
    assertThat(
            new PageLayout("cpu.monitor", "Fail on a hog", Path.of("/gen"), templates).nagiosName())
        .isEqualTo("check_rollcall_cpu");
  }
}

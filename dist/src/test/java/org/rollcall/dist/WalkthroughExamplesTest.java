package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The walkthroughs' mon.cf, Nagios, NRPE and Icinga 2 examples (docs/mon.md, docs/nagios.md,
 * docs/nrpe.md, docs/icinga2.md) are the files the end-to-end tests run, placeholders filled in.
 */
class WalkthroughExamplesTest {
  @Test
  void theMonExampleIsTheEndToEndTestsConfiguration() throws IOException {
    assertThat(firstBlockOf("mon.md"))
        .isEqualTo(
            fill(
                "mon-watches.cf",
                Map.of(
                    "@INTERVAL@",
                    "2s",
                    "@PROCESS@",
                    "rc123456",
                    "@SSH_PORT@",
                    "2222",
                    "@SMTP_PORT@",
                    "2525",
                    "@ALERTS@",
                    "/var/log/mon/alerts.log",
                    "@CRITICAL@",
                    "/var/log/mon/critical.log",
                    "@UNKNOWN@",
                    "/var/log/mon/unknown.log")));
  }

  @Test
  void theNagiosExampleIsTheEndToEndTestsConfiguration() throws IOException {
    assertThat(firstBlockOf("nagios.md"))
        .isEqualTo(fill("nagios-objects.cfg", Map.of("@PROCESS@", "sshd", "@ABSENT@", "ftpd")));
  }

  @Test
  void theNrpeExampleIsTheEndToEndTestsConfiguration() throws IOException {
    assertThat(firstBlockOf("nrpe.md"))
        .isEqualTo(
            fill(
                "nrpe-commands.cfg",
                Map.of(
                    "@RULES@",
                    "/etc/nagios/rollcall-ps.rules",
                    "@MANY@",
                    "/etc/nagios/rollcall-many.rules")));
  }

  @Test
  void theIcingaExampleIsTheEndToEndTestsConfiguration() throws IOException {
    assertThat(firstBlockOf("icinga2.md"))
        .isEqualTo(
            fill(
                "icinga2-services.conf",
                Map.of(
                    "@PROCESS@",
                    "sshd",
                    "@ABSENT@",
                    "ftpd",
                    "@RULES@",
                    "/etc/nagios/rollcall-ps.rules",
                    "@SSH_PORT@",
                    "22")));
  }

  private static String fill(String resource, Map<String, String> values) throws IOException {
    String text =
        new String(
            WalkthroughExamplesTest.class.getResourceAsStream(resource).readAllBytes(),
            StandardCharsets.UTF_8);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    return text;
  }

  /** The first fenced code block of {@code docs/page}, with its final newline. */
  private static String firstBlockOf(String page) throws IOException {
    String text = Files.readString(Path.of("../docs", page));
    int fence = text.indexOf("\n```\n");
    assertThat(fence).as(page + " has a fenced block").isNotNegative();
    int start = fence + 5;
    return text.substring(start, text.indexOf("```\n", start));
  }
}

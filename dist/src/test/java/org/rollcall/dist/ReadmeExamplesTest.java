package org.rollcall.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's mon.cf, Nagios, NRPE and Icinga 2 examples are the files the end-to-end tests run,
 * placeholders filled in.
 */
class ReadmeExamplesTest {
  @Test
  void theMonExampleIsTheEndToEndTestsConfiguration() throws IOException {
    assertThat(readmeBlockAfter("## Under mon: the end-to-end example"))
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
    assertThat(readmeBlockAfter("## Under Nagios: the end-to-end example"))
        .isEqualTo(fill("nagios-objects.cfg", Map.of("@PROCESS@", "sshd", "@ABSENT@", "ftpd")));
  }

  @Test
  void theNrpeExampleIsTheEndToEndTestsConfiguration() throws IOException {
    assertThat(readmeBlockAfter("## Under NRPE: the end-to-end example"))
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
    assertThat(readmeBlockAfter("## Under Icinga 2: the end-to-end example"))
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
            ReadmeExamplesTest.class.getResourceAsStream(resource).readAllBytes(),
            StandardCharsets.UTF_8);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    return text;
  }

  /** The first fenced code block after {@code heading}, with its final newline. */
  private static String readmeBlockAfter(String heading) throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int section = readme.indexOf(heading);
    assertThat(section).as(heading).isNotNegative();
    int start = readme.indexOf("```\n", section) + 4;
    return readme.substring(start, readme.indexOf("```\n", start));
  }
}

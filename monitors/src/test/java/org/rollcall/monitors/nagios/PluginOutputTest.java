package org.rollcall.monitors.nagios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin guidelines' output format, including long output and perfdata spread over lines. */
class PluginOutputTest {
  @Test
  void splitsTextLongOutputAndPerfdataAsTheGuidelinesShow() {
    // The guidelines' own example of long output with perfdata on the first and later lines.
    PluginOutput out =
        PluginOutput.parse(
            "DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968\n"
                + "/ 15272 MB (77%);\n/boot 68 MB (69%);\n/home 69357 MB (27%);\n/var/log 819 MB (84%); "
                + "| /boot=68MB;88;93;0;98\n/home=69357MB;253404;253409;0;253414 \n/var/log=818MB;970;975;0;980\n");
    assertThat(out.text()).isEqualTo("DISK OK - free space: / 3326 MB (56%);");
    assertThat(out.longOutput())
        .containsExactly(
            "/ 15272 MB (77%);",
            "/boot 68 MB (69%);", "/home 69357 MB (27%);", "/var/log 819 MB (84%);");
    assertThat(out.perfdata())
        .containsExactly(
            "/=2643MB;5948;5958;0;5968",
            "/boot=68MB;88;93;0;98",
            "/home=69357MB;253404;253409;0;253414",
            "/var/log=818MB;970;975;0;980");
  }

  @Test
  void aPlainLineHasNoPerfdataAndEmptyOutputNoText() {
    assertThat(PluginOutput.parse("PING OK\n"))
        .isEqualTo(new PluginOutput("PING OK", List.of(), List.of()));
    assertThat(PluginOutput.parse("")).isEqualTo(new PluginOutput("", List.of(), List.of()));
    assertThat(PluginOutput.parse("  | a=1\r\n"))
        .isEqualTo(new PluginOutput("", List.of(), List.of("a=1")));
  }
}

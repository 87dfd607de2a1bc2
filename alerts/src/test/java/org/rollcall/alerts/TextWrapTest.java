package org.rollcall.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Members line wraps as Perl's Text::Wrap wraps it in mon's mail.alert. */
class TextWrapTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "web1 web2 web3",
        "host-01.example.org host-02.example.org host-03.example.org host-04.example.org host-05.example.org "
            + "host-06.example.org host-07.example.org host-08.example.org",
        "a-very-long-single-host-name-that-is-longer-than-one-whole-line-of-mail-text.example.org b c",
        "x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 x11 x12 x13 x14 x15 x16 x17 x18 x19 x20 x21 x22 x23 x24 x25 x26 x27 x28"
      })
  void wrapsAsPerlDoes(String hosts) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "needs perl: apt-get install perl");
    String line = "Members               : " + hosts;
    ChildAlert.Result perl =
        ChildAlert.run(
            List.of(
                "/usr/bin/perl",
                "-MText::Wrap",
                "-e",
                "print wrap('', \"\\t\\t\\t\", $ARGV[0]), \"\\n\"",
                line),
            new byte[0],
            Map.of());

    assertThat(TextWrap.members(line) + "\n").isEqualTo(perl.stdout());
  }
}

package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "files",
        "files systemd",
        "  files \t [NOTFOUND=return]  sss ",
        "a\u000bb\fc\rd\ne",
        "x\u00a0y z"
      })
  void wordsAreWhatSplittingAtWhiteSpaceGives(String text) {
    assertThat(Ascii.words(text)).isEqualTo(List.of(text.strip().split("\\s+")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " \t\r\n"})
  void blankTextHasNoWords(String text) {
    assertThat(Ascii.words(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "12",
        "3.25",
        "007.0",
        "",
        ".",
        "1.",
        ".5",
        "1.2.3",
        "-1",
        "+1",
        "1e3",
        "NaN",
        "Infinity",
        "1,5",
        " 1",
        "\u0661",
        "1.\u0662"
      })
  void aDecimalIsWhatTheRegularExpressionMatches(String text) {
    assertThat(Ascii.isDecimal(text)).isEqualTo(text.matches("[0-9]+(\\.[0-9]+)?"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ps.monitor",
        "check_rollcall-ps2",
        "",
        "a/b",
        "a b",
        "x\n",
        "\u00e9",
        "sshd_t",
        "-"
      })
  void aNameIsWhatTheRegularExpressionMatches(String text) {
    assertThat(Ascii.isName(text)).isEqualTo(text.matches("[A-Za-z0-9_.-]+"));
  }

  @Test
  void paddedNumbersAreWhatTheFormatterWrites() {
    for (int value : new int[] {0, 7, 0x1b, 0xff, 0x2028, 0xfffe, 0644, 01777, 0100000}) {
      assertThat(Ascii.padded(value, 16, 2)).isEqualTo(String.format("%02x", value));
      assertThat(Ascii.padded(value, 16, 4)).isEqualTo(String.format("%04x", value));
      assertThat(Ascii.padded(value, 8, 4)).isEqualTo(String.format("%04o", value));
    }
  }
}

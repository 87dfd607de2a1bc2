package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}

package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteEscapesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "QUIT\\r\\n|51 55 49 54 0d 0a",
        "a\\tb|61 09 62",
        "\\x00\\xff\\x7F|00 ff 7f",
        "\\0|00",
        "back\\\\slash|62 61 63 6b 5c 73 6c 61 73 68",
        "é|c3 a9",
        "plain|70 6c 61 69 6e"
      })
  void parsesEscapes(String text, String hex) {
    assertThat(hex(ByteEscapes.parse(text))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "QUIT\\q|unknown escape \\q at position 5 of 'QUIT\\q'",
        "end\\|ends with a lone backslash",
        "\\x4|\\x at position 1 of '\\x4' needs two hex digits",
        "\\xg0|needs two hex digits",
        // Found by ByteEscapesFuzzTest: Character.digit took other scripts' digits as hex digits.
        "\\x0\u0663|\\x at position 1 of '\\x0\u0663' needs two hex digits",
        "\\x\uFF11\uFF12|needs two hex digits"
      })
  void rejectsWhatItCannotMean(String text, String message) {
    assertThatThrownBy(() -> ByteEscapes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }
}

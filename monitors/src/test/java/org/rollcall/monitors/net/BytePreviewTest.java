package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rollcall.core.text.SafeText;

class BytePreviewTest {
  @Test
  void nothingIsSaidInWords() {
    assertThat(BytePreview.of(new byte[0], 0)).isEqualTo("nothing");
  }

  @Test
  void shortInputIsQuotedWhole() {
    byte[] bytes = "220 ok\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(BytePreview.of(bytes, bytes.length)).isEqualTo("\"220 ok\r\n\"");
  }

  @Test
  void longInputIsCutAndSaysSo() {
    byte[] bytes = "abcdefghij".getBytes(StandardCharsets.US_ASCII);
    assertThat(BytePreview.of(bytes, bytes.length, 4))
        .isEqualTo("\"abcd\"... (first 4 of 10 bytes)");
  }

  @Test
  void bytesThatAreNotUtf8StayVisibleOnceEscaped() {
    byte[] bytes = {'a', (byte) 0xff, '\n', 0x1b, (byte) 0xc3};
    assertThat(SafeText.escape(BytePreview.of(bytes, bytes.length)))
        .isEqualTo("\"a\\xff\\n\\x1b\\xc3\"");
  }
}

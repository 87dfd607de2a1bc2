package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void decodesUtf8AndKeepsInvalidBytesRecoverable() {
    assertThat(SafeText.decode("sshd".getBytes(StandardCharsets.US_ASCII))).isEqualTo("sshd");
    assertThat(SafeText.decode("bäckerei".getBytes(StandardCharsets.UTF_8))).isEqualTo("bäckerei");
    assertThat(SafeText.decode(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3})).isEqualTo("a\uDCFFb\uDCC3");
  }

  @Test
  void escapesEverythingThatCouldSplitOrForgeALine() {
    assertThat(SafeText.escape("cron:0")).isEqualTo("cron:0");
    assertThat(SafeText.escape("evil\nsshd:1")).isEqualTo("evil\\nsshd:1");
    assertThat(SafeText.escape("a\rb\tc\\d")).isEqualTo("a\\rb\\tc\\\\d");
    assertThat(SafeText.escape("\u001b[31mred")).isEqualTo("\\x1b[31mred");
    assertThat(SafeText.escape("x\u0085y\u2028z\u007f")).isEqualTo("x\\x85y\\u2028z\\x7f");
    assertThat(SafeText.escape(SafeText.decode(new byte[] {'n', (byte) 0xfe}))).isEqualTo("n\\xfe");
    assertThat(SafeText.escape("%s %n bäckerei")).isEqualTo("%s %n bäckerei");
    // After a first escape the rest of the line takes the slow path: a letter must stay a letter there too.
    assertThat(SafeText.escape("a\nbäcker é\u00a0")).isEqualTo("a\\nbäcker é\u00a0");
  }
}

package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void decodesUtf8AndKeepsInvalidBytesRecoverable() {
    assertThat(SafeText.decode("sshd".getBytes(StandardCharsets.US_ASCII))).isEqualTo("sshd");
    assertThat(SafeText.decode("bäckerei".getBytes(StandardCharsets.UTF_8))).isEqualTo("bäckerei");
    assertThat(SafeText.decode(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3}))
        .isEqualTo("a\uDCFFb\uDCC3");
  }

  @Test
  void escapesEverythingThatCouldSplitOrForgeALine() {
    assertThat(SafeText.escape("cron:0")).isEqualTo("cron:0");
    assertThat(SafeText.escape("evil\nsshd:1")).isEqualTo("evil\\nsshd:1");
    assertThat(SafeText.escape("a\rb\tc\\d")).isEqualTo("a\\rb\\tc\\\\d");
    assertThat(SafeText.escape("\u001b[31mred")).isEqualTo("\\x1b[31mred");
    assertThat(SafeText.escape("x\u0085y\u2028z\u007f")).isEqualTo("x\\u0085y\\u2028z\\x7f");
    assertThat(SafeText.escape(SafeText.decode(new byte[] {'n', (byte) 0xfe}))).isEqualTo("n\\xfe");
    assertThat(SafeText.escape("%s %n bäckerei")).isEqualTo("%s %n bäckerei");
    // After a first escape the rest of the line takes the slow path: a letter must stay a letter
    // there too.
    assertThat(SafeText.escape("a\nbäcker é\u00a0")).isEqualTo("a\\nbäcker é\u00a0");
  }

  @Test
  void escapesInvisibleControlsThatMakeALineReadOtherThanItSays() {
    // "rcl\u202Egol.monitor" shows as "rclrotinom.log": the override reverses what follows it.
    assertThat(SafeText.escape("rcl\u202egol.monitor")).isEqualTo("rcl\\u202egol.monitor");
    assertThat(SafeText.escape("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061c"))
        .isEqualTo("\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u061c");
    assertThat(SafeText.escape("\u200b\u200c\u200d\u200e\u200f\ufeff\u180e\u2060\u2064\u206f"))
        .isEqualTo("\\u200b\\u200c\\u200d\\u200e\\u200f\\ufeff\\u180e\\u2060\\u2064\\u206f");
    // Their neighbours are ordinary text: the en dash, the dagger, the spaces and signs around
    // them.
    assertThat(SafeText.escape("\u2013\u2020\u2030\u205f\u2070\ufefe"))
        .isEqualTo("\u2013\u2020\u2030\u205f\u2070\ufefe");
  }

  // Found by SafeTextFuzzTest: after a first escape, U+00A0..U+00FF were written as \\xNN, the
  // escape of an undecodable byte; and a character beyond U+FFFF whose low surrogate lies in
  // U+DC80..U+DCFF lost its low half.
  @Test
  void keepsLatin1LettersAfterAnEscapeAndTellsThemFromInvalidBytes() {
    assertThat(SafeText.escape("\0õ")).isEqualTo("\\x00õ");
    assertThat(SafeText.escape("\nbäckerei")).isEqualTo("\\nbäckerei");
    assertThat(SafeText.escape(SafeText.decode(new byte[] {'\n', (byte) 0xe4})))
        .isEqualTo("\\n\\xe4");
  }

  @Test
  void keepsASurrogatePairWhoseLowHalfLooksLikeAnInvalidByte() {
    String skull = SafeText.decode(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x92, (byte) 0x80});
    assertThat(skull).isEqualTo("\uD83D\uDC80");
    assertThat(SafeText.escape(skull)).isEqualTo(skull);
    assertThat(SafeText.escape("\n" + skull)).isEqualTo("\\n" + skull);
    String fromFuzzing =
        SafeText.decode(new byte[] {(byte) 0xf2, (byte) 0x8e, (byte) 0x82, (byte) 0x8e});
    assertThat(fromFuzzing).isEqualTo("\uD9F8\uDC8E");
    assertThat(SafeText.escape("\t" + fromFuzzing)).isEqualTo("\\t" + fromFuzzing);
  }

  @Test
  void escapesLoneSurrogates() {
    assertThat(SafeText.escape("a\uD83Db")).isEqualTo("a\\ud83db");
    assertThat(SafeText.escape("a\uDC00")).isEqualTo("a\\udc00");
    assertThat(SafeText.escape("\uDC80\uD83D")).isEqualTo("\\x80\\ud83d");
  }
}

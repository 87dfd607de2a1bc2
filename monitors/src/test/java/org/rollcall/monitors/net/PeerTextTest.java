package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.core.text.SafeText;

class PeerTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "220 mail ESMTP\r\n",
        "SSH-2.0-OpenSSH_9.2p1\r\n",
        "",
        "caf\u00e9 220 ",
        "\u001b[2J220 x"
      })
  void isTheTextSafeTextDecodes(String sent) {
    byte[] bytes = (sent + "tail not yet counted").getBytes(StandardCharsets.UTF_8);
    int length = sent.getBytes(StandardCharsets.UTF_8).length;
    CharSequence text = PeerText.of(bytes, length);
    String decoded = SafeText.decode(bytes, 0, length);

    assertThat(text.toString()).isEqualTo(decoded);
    for (String regex :
        new String[] {"^220 ", "ESMTP\\r\\n$", "\\d+", "(?m)^SSH-2\\.0-", "x$", "^$"}) {
      Pattern pattern = Pattern.compile(regex);
      assertThat(pattern.matcher(text).find()).as(regex).isEqualTo(pattern.matcher(decoded).find());
    }
    if (length > 3) {
      assertThat(text.subSequence(1, 3).toString()).isEqualTo(decoded.substring(1, 3));
    }
  }
}

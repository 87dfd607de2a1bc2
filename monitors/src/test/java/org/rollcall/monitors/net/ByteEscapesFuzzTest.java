package org.rollcall.monitors.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the escapes of {@code --send} against a reference reading: the parser sends exactly the
 * bytes the documented escapes mean ({@code \xNN} with two ASCII hex digits), or refuses the text
 * with an IllegalArgumentException; a typo never sends other bytes.
 */
class ByteEscapesFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    byte[] expected = reference(text);
    byte[] sent;
    try {
      sent = ByteEscapes.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(expected).as("refused '%s': %s", text, e.getMessage()).isNull();
      return;
    }
    assertThat(expected).as("accepted '%s'", text).isNotNull();
    assertThat(sent).isEqualTo(expected);
  }

  /**
   * The bytes {@code text} means, or null when it holds an escape the documentation does not
   * define.
   */
  private static byte[] reference(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        plain.append(c);
        continue;
      }
      out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
      plain.setLength(0);
      String rest = text.substring(i + 1);
      if (rest.matches("(?s)x[0-9a-fA-F]{2}.*")) {
        out.write(Integer.parseInt(rest.substring(1, 3), 16));
        i += 3;
      } else if (!rest.isEmpty() && "rnt0\\".indexOf(rest.charAt(0)) >= 0) {
        out.write("\r\n\t\0\\".charAt("rnt0\\".indexOf(rest.charAt(0))));
        i++;
      } else {
        return null;
      }
    }
    out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}

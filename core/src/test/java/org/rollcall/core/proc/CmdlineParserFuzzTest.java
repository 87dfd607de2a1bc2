package org.rollcall.core.proc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes {@link CmdlineParser} and the decoding under it: it never throws, an argument never holds
 * a NUL, and the arguments give back every byte of the file (invalid UTF-8 kept as U+DC80..U+DCFF),
 * less one final NUL.
 */
class CmdlineParserFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] bytes) {
    List<String> args = CmdlineParser.parse(bytes, bytes.length);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int i = 0; i < args.size(); i++) {
      assertThat(args.get(i)).doesNotContain("\0");
      if (i > 0) {
        joined.write(0);
      }
      joined.writeBytes(encode(args.get(i)));
    }
    int expectedLength =
        bytes.length > 0 && bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
    byte[] expected = java.util.Arrays.copyOf(bytes, expectedLength);
    if (args.isEmpty()) {
      assertThat(bytes).isEmpty();
    } else {
      assertThat(joined.toByteArray()).isEqualTo(expected);
    }
  }

  /**
   * The inverse of SafeText.decode: a lone U+DC80..U+DCFF back to the byte, everything else as
   * UTF-8 (a surrogate pair is one character, even when its low half is in that range).
   */
  static byte[] encode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (c >= '\uDC80' && c <= '\uDCFF') {
        out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(c - '\uDC00');
        start = i + 1;
      }
    }
    out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}

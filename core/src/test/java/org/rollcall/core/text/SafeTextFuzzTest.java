package org.rollcall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link SafeText#escape}: on names decoded from the kernel's bytes and on arbitrary UTF-16
 * text, the escaped form holds no control character, line separator, undecodable byte or lone
 * surrogate, escaping a text in two pieces (a surrogate pair never cut) gives the same as escaping
 * it whole, and the escapes read back to the original.
 */
class SafeTextFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void escape(byte[] bytes) {
    check(SafeText.decode(bytes));
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff);
    }
    check(new String(chars));
  }

  private static void check(String text) {
    String escaped = SafeText.escape(text);
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < escaped.length()
          && Character.isLowSurrogate(escaped.charAt(i + 1))) {
        i++;
        continue;
      }
      assertThat(
              c < 0x20
                  || (c >= 0x7f && c <= 0x9f)
                  || c == '\u2028'
                  || c == '\u2029'
                  || Character.isSurrogate(c)
                  || invisible(c))
          .as("escaped %s holds U+%04X at %d", escaped, (int) c, i)
          .isFalse();
    }
    assertThat(unescape(escaped)).isEqualTo(text);
    int cut = text.length() / 2;
    if (cut > 0
        && Character.isHighSurrogate(text.charAt(cut - 1))
        && Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    assertThat(SafeText.escape(text.substring(0, cut)) + SafeText.escape(text.substring(cut)))
        .isEqualTo(escaped);
  }

  /**
   * The reference list of invisible format controls: bidirectional embeddings, isolates, marks,
   * zero widths.
   */
  private static boolean invisible(char c) {
    return c == '\u061c'
        || c == '\u180e'
        || c >= '\u200b' && c <= '\u200f'
        || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2060' && c <= '\u206f'
        || c == '\ufeff';
  }

  /**
   * Reads the escapes SafeText documents back: a byte above 0x7f written as \xNN is the undecodable
   * byte.
   */
  static String unescape(String escaped) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char kind = escaped.charAt(++i);
      switch (kind) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'x' -> {
          int value = Integer.parseInt(escaped.substring(i + 1, i + 3), 16);
          out.append((char) (value < 0x80 ? value : '\uDC00' + value));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new AssertionError("unknown escape \\" + kind + " in " + escaped);
      }
    }
    return out.toString();
  }
}

package org.rollcall.monitors.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a user means by text written on a command line with escapes, as for {@code --send
 * "QUIT\r\n"}: {@code \r}, {@code \n}, {@code \t}, {@code \0}, {@code \\} and {@code \xNN} (one
 * byte, two hex digits); everything else is UTF-8. An unknown escape is an error rather than a
 * literal backslash, so a typo cannot send the wrong bytes.
 */
public final class ByteEscapes {
  private ByteEscapes() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the bad escape and where it is
   */
  public static byte[] parse(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int plainFrom = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '\\') {
        i++;
        continue;
      }
      out.writeBytes(text.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
      i = escape(text, i, out);
      plainFrom = i;
    }
    out.writeBytes(text.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Writes the escape starting at {@code backslash} and returns the index after it. */
  private static int escape(String text, int backslash, ByteArrayOutputStream out) {
    if (backslash + 1 >= text.length()) {
      throw new IllegalArgumentException(
          "'" + text + "' ends with a lone backslash; write \\\\ for one");
    }
    char kind = text.charAt(backslash + 1);
    switch (kind) {
      case 'r' -> out.write('\r');
      case 'n' -> out.write('\n');
      case 't' -> out.write('\t');
      case '0' -> out.write(0);
      case '\\' -> out.write('\\');
      case 'x' -> {
        out.write(hexByte(text, backslash + 2));
        return backslash + 4;
      }
      default ->
          throw new IllegalArgumentException(
              "unknown escape \\"
                  + kind
                  + " at position "
                  + (backslash + 1)
                  + " of '"
                  + text
                  + "' (known: \\r \\n \\t \\0 \\\\ \\xNN)");
    }
    return backslash + 2;
  }

  private static int hexByte(String text, int from) {
    int high = from < text.length() ? hexDigit(text.charAt(from)) : -1;
    int low = from + 1 < text.length() ? hexDigit(text.charAt(from + 1)) : -1;
    if (high < 0 || low < 0) {
      throw new IllegalArgumentException(
          "\\x at position " + (from - 1) + " of '" + text + "' needs two hex digits, like \\x0d");
    }
    return high * 16 + low;
  }

  /**
   * An ASCII hex digit's value, else -1: Character.digit would also take '٣' (Arabic-Indic three)
   * and '１'.
   */
  private static int hexDigit(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }
}

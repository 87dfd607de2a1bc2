package org.rollcall.core.text;

/**
 * Lengths in UTF-8 bytes, which is what mon's summary, a mail subject and NRPE's 1,024-byte packet
 * count, and cuts on a character boundary. A lone surrogate counts 3 bytes, as Java's encoder
 * writes it as one replacement.
 */
public final class Utf8 {
  private Utf8() {}

  /** The number of bytes {@code text} takes in UTF-8. */
  public static int length(CharSequence text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      bytes += width(text, i);
      if (isPair(text, i)) {
        i++;
      }
    }
    return bytes;
  }

  /**
   * The longest start of {@code text} that takes at most {@code maxBytes} bytes, no character cut
   * in two.
   */
  public static String prefix(String text, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int next = isPair(text, i) ? i + 2 : i + 1;
      bytes += width(text, i);
      if (bytes > maxBytes) {
        break;
      }
      i = next;
    }
    return text.substring(0, i);
  }

  private static int width(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    return isPair(text, i) ? 4 : 3;
  }

  private static boolean isPair(CharSequence text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }
}

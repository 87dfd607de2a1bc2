package org.rollcall.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes from the kernel into strings, and strings into text that is safe to print on one line.
 *
 * <p>Process names and arguments are chosen by whoever started the process: they may hold newlines,
 * escape sequences or bytes that are not UTF-8. {@link #decode} keeps every byte recoverable (an
 * invalid byte {@code b} becomes the lone surrogate {@code U+DC00+b}, as Python's "surrogateescape"
 * does), and {@link #escape} turns control characters and those bytes into visible escapes, so a
 * hostile name can neither split nor forge an output line.
 */
public final class SafeText {
  private static final char ESCAPED_BYTE_BASE = '\uDC00';

  private SafeText() {}

  /**
   * Decodes {@code length} bytes from {@code offset} as UTF-8, mapping each invalid byte to
   * U+DC80..U+DCFF.
   */
  public static String decode(byte[] bytes, int offset, int length) {
    if (isAscii(bytes, offset, length)) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        break;
      }
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          out.put((char) (ESCAPED_BYTE_BASE + (in.get() & 0xff)));
        }
      } else {
        throw new IllegalStateException(
            "decoder overflow cannot happen: one char per byte at most");
      }
    }
    out.flip();
    return out.toString();
  }

  /** Decodes a whole array; see {@link #decode(byte[], int, int)}. */
  public static String decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Text for one output line: backslash, control characters (C0, DEL, C1), line and paragraph
   * separators, invisible format controls (bidirectional overrides and isolates, zero widths, the
   * byte order mark), undecodable bytes and lone surrogates are written as {@code \\}, {@code \n},
   * {@code \t}, {@code \r}, {@code \xNN} or {@code \}{@code uNNNN}; everything else is kept,
   * surrogate pairs whole. The escapes can be read back: {@code \xNN} is an ASCII control character
   * below 0x80 and an undecodable byte from 0x80, and the C1 controls are written {@code \}{@code
   * u0080}..{@code \}{@code u009f} so they are never taken for one.
   */
  public static String escape(CharSequence text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isPair(text, i)) {
        out.append(c).append(text.charAt(++i));
      } else {
        appendEscaped(out, c);
      }
    }
    return out.toString();
  }

  private static int firstUnsafe(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (isPair(text, i)) {
        i++;
      } else if (isUnsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A valid surrogate pair starts at {@code i}: one character, whatever its low half looks like
   * alone.
   */
  private static boolean isPair(CharSequence text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /** Unsafe when it is not part of a surrogate pair. */
  private static boolean isUnsafe(char c) {
    return c < 0x20
        || c == '\\'
        || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u061c' && isInvisible(c))
        || Character.isSurrogate(c);
  }

  /**
   * Line and paragraph separators, and the invisible format controls that make a line read other
   * than it says: the Arabic letter mark, the Mongolian vowel separator, zero widths and
   * directional marks (U+200B..U+200F), embeddings and overrides (U+202A..U+202E), the word joiner,
   * invisible operators, isolates and the deprecated format controls (U+2060..U+206F), and the byte
   * order mark.
   */
  private static boolean isInvisible(char c) {
    return c == '\u061c'
        || c == '\u180e'
        || (c >= '\u200b' && c <= '\u200f')
        || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2060' && c <= '\u206f')
        || c == '\ufeff';
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (c >= ESCAPED_BYTE_BASE + 0x80 && c <= ESCAPED_BYTE_BASE + 0xff) {
          out.append("\\x").append(Ascii.padded(c - ESCAPED_BYTE_BASE, 16, 2));
        } else if (c < 0x20 || c == 0x7f) {
          out.append("\\x").append(Ascii.padded(c, 16, 2));
        } else if (isUnsafe(c)) {
          out.append("\\u").append(Ascii.padded(c, 16, 4));
        } else {
          out.append(c);
        }
      }
    }
  }

  private static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}

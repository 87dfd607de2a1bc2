package org.rollcall.alerts;

import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.SafeText;

/**
 * Detail lines from a monitor for multi-line destinations (a mail body, a JSON string, a chat
 * message).
 */
public final class UntrustedText {
  private UntrustedText() {}

  /**
   * The lines of {@code text}, each kept as it is unless it holds a control character (tab aside),
   * an invalid byte or a line separator, in which case the whole line is escaped as {@link
   * SafeText#escape} does: readable, and never a terminal escape sequence or a forged line.
   */
  public static String lines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(hasControl(line) ? SafeText.escape(line) : line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /**
   * {@code text} with every character XML 1.0 does not allow (C0 controls other than tab, LF and
   * CR; U+FFFE, U+FFFF; a surrogate not in a pair) written as {@code \\uNNNN}, and the {@code >} of
   * {@code ]]>} (which XML forbids in text, and which the XML library leaves as it is) as {@code
   * \\u003e}: an XMPP server drops the whole connection on any of them, so a monitor's output could
   * otherwise stop its own alert.
   */
  public static String forXml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        out.append(c).append(text.charAt(++i));
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || c == 0xfffe
          || c == 0xffff
          || Character.isSurrogate(c)
          || (c == '>'
              && out.length() >= 2
              && out.charAt(out.length() - 1) == ']'
              && out.charAt(out.length() - 2) == ']')) {
        out.append("\\u").append(Ascii.padded(c, 16, 4));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean hasControl(String line) {
    return line.chars()
        .anyMatch(
            c ->
                (c < 0x20 && c != '\t')
                    || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0xdc80 && c <= 0xdcff)
                    || c == 0x2028
                    || c == 0x2029);
  }
}

package org.rollcall.alerts;

import org.rollcall.core.text.SafeText;

/** Detail lines from a monitor for multi-line destinations (a mail body, a JSON string, a chat message). */
final class UntrustedText {
  private UntrustedText() {}

  /**
   * The lines of {@code text}, each kept as it is unless it holds a control character (tab aside), an invalid
   * byte or a line separator, in which case the whole line is escaped as {@link SafeText#escape} does: readable,
   * and never a terminal escape sequence or a forged line.
   */
  static String lines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(hasControl(line) ? SafeText.escape(line) : line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static boolean hasControl(String line) {
    return line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)
        || (c >= 0xdc80 && c <= 0xdcff) || c == 0x2028 || c == 0x2029);
  }
}

package org.rollcall.monitors.net;

import org.rollcall.core.text.SafeText;

/**
 * The first bytes a peer sent, as a quoted string for a detail line: decoded as UTF-8 with every
 * undecodable byte kept (see {@link SafeText#decode}), cut after a fixed number of bytes, and
 * marked when cut. Control characters are left for the renderers, which escape every line they
 * print ({@code \r\n} shows as {@code \r\n}), so a peer can neither split a line nor forge one.
 */
public final class BytePreview {
  /** Enough for an SSH banner or an SMTP greeting, short enough for an alert's subject. */
  public static final int DEFAULT_LIMIT = 80;

  private BytePreview() {}

  /** The first {@link #DEFAULT_LIMIT} of {@code length} bytes. */
  public static String of(byte[] bytes, int length) {
    return of(bytes, length, DEFAULT_LIMIT);
  }

  /**
   * {@code "text"} when all {@code length} bytes fit in {@code limit}, else {@code "text"... (first
   * LIMIT of LENGTH bytes)}; {@code nothing} when there are none.
   */
  public static String of(byte[] bytes, int length, int limit) {
    if (length == 0) {
      return "nothing";
    }
    int shown = Math.min(length, limit);
    String text = "\"" + SafeText.decode(bytes, 0, shown) + "\"";
    return shown == length ? text : text + "... (first " + shown + " of " + length + " bytes)";
  }
}

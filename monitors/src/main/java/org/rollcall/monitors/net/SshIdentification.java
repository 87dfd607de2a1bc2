package org.rollcall.monitors.net;

import java.util.Optional;
import org.rollcall.core.text.SafeText;

/**
 * An SSH server's identification line, RFC 4253 section 4.2: {@code
 * SSH-protoversion-softwareversion SP comments CR LF}, at most 255 bytes with the CR LF. The server
 * may send other lines first; the first line that starts with {@code SSH-} is the identification. A
 * bare LF ends a line too, as OpenSSH's client accepts.
 *
 * @param line the whole line without CR LF
 * @param comments what follows the first space, or "" when there is none
 */
public record SshIdentification(
    String line, String protoVersion, String softwareVersion, String comments) {
  /** The longest identification line RFC 4253 allows, CR LF included. */
  public static final int MAX_LINE = 255;

  /**
   * The software and comments, as the OK line shows them: {@code OpenSSH_9.2p1 Debian-2+deb12u3}.
   */
  public String software() {
    return comments.isEmpty() ? softwareVersion : softwareVersion + " " + comments;
  }

  /** Whether {@code data} holds a whole line starting with {@code SSH-} (reading can stop). */
  public static boolean complete(byte[] data, int length) {
    return findLine(data, length) != null;
  }

  /**
   * The identification in {@code data}, empty when no whole {@code SSH-} line is there yet.
   *
   * @throws IllegalArgumentException when the line is too long or malformed, naming what is wrong
   */
  public static Optional<SshIdentification> find(byte[] data, int length) {
    int[] bounds = findLine(data, length);
    if (bounds == null) {
      return Optional.empty();
    }
    int end = bounds[1] > bounds[0] && data[bounds[1] - 1] == '\r' ? bounds[1] - 1 : bounds[1];
    String line = SafeText.decode(data, bounds[0], end - bounds[0]);
    if (bounds[1] + 1 - bounds[0] > MAX_LINE) {
      throw new IllegalArgumentException(
          "identification line is "
              + (bounds[1] + 1 - bounds[0])
              + " bytes, more than RFC 4253's "
              + MAX_LINE);
    }
    return Optional.of(parse(line));
  }

  /** Parses a line without its CR LF. */
  public static SshIdentification parse(String line) {
    int space = line.indexOf(' ');
    String head = space < 0 ? line : line.substring(0, space);
    String comments = space < 0 ? "" : line.substring(space + 1);
    int dash = head.indexOf('-', 4);
    if (!head.startsWith("SSH-") || dash < 0 || dash == 4 || dash == head.length() - 1) {
      throw new IllegalArgumentException("not SSH-protoversion-softwareversion");
    }
    return new SshIdentification(line, head.substring(4, dash), head.substring(dash + 1), comments);
  }

  /** {start, index of the LF} of the first whole line starting with "SSH-", or null. */
  private static int[] findLine(byte[] data, int length) {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (data[i] != '\n') {
        continue;
      }
      if (i - start >= 4
          && data[start] == 'S'
          && data[start + 1] == 'S'
          && data[start + 2] == 'H'
          && data[start + 3] == '-') {
        return new int[] {start, i};
      }
      start = i + 1;
    }
    return null;
  }
}

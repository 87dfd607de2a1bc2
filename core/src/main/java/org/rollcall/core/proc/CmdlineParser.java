package org.rollcall.core.proc;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.text.SafeText;

/**
 * Parses {@code /proc/PID/cmdline}: arguments separated (and normally ended) by NUL bytes. Empty
 * for kernel threads and zombies. A process that rewrites its argument area (setproctitle) may
 * leave one long string with spaces and no NUL; that is kept as one argument, as the kernel reports
 * it.
 */
public final class CmdlineParser {
  private CmdlineParser() {}

  public static List<String> parse(byte[] bytes, int length) {
    List<String> args = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == 0) {
        args.add(SafeText.decode(bytes, start, i - start));
        start = i + 1;
      }
    }
    if (start < length) {
      args.add(SafeText.decode(bytes, start, length - start));
    }
    return List.copyOf(args);
  }

  /**
   * The whole arguments of the first {@code length} bytes of a longer command line: the last one,
   * which the cut may have shortened, is left out, so every argument kept is exact.
   */
  public static List<String> parseCut(byte[] bytes, int length) {
    int end = length;
    while (end > 0 && bytes[end - 1] != 0) {
      end--;
    }
    return parse(bytes, end);
  }
}

package org.rollcall.core.proc;

import java.nio.charset.StandardCharsets;
import org.rollcall.core.text.SafeText;

/**
 * A process's place in systemd's control-group tree, from {@code /proc/PID/cgroup} (cgroups(7):
 * "hierarchy-ID:controller-list:cgroup-path", one line per hierarchy). On cgroup v2 the one line
 * {@code 0::/system.slice/ssh.service}; on cgroup v1 and hybrid layouts the {@code name=systemd}
 * hierarchy, which systemd keeps in step with its units. The path is as this reader's cgroup
 * namespace shows it.
 *
 * @param path the cgroup path, starting with {@code /}
 * @param unit the systemd unit that path places the process in ({@code ssh.service}, {@code
 *     session-3.scope}, {@code user@1000.service}), or null when it is in none (the root cgroup, a
 *     cgroup no systemd made)
 */
public record ControlGroup(String path, String unit) {

  /** {@link #parse(byte[], int, String)} of text, for tests and saved files. */
  public static ControlGroup parse(String content, String file) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, bytes.length, file);
  }

  /**
   * The cgroup of a {@code cgroup} file's bytes; throws {@link MalformedProcFileException} for a
   * line that is not three fields, a hierarchy named twice, or a file with neither a v2 nor a
   * {@code name=systemd} line. Only the chosen line's path becomes a string: a v1 file holds a
   * dozen lines, and a rule on units reads every process's.
   */
  public static ControlGroup parse(byte[] bytes, int length, String file) {
    int unified = -1;
    int systemd = -1;
    for (int line = 0, end; line < length; line = end + 1) {
      end = indexOf(bytes, (byte) '\n', line, length);
      int first = indexOf(bytes, (byte) ':', line, end);
      int second = indexOf(bytes, (byte) ':', first + 1, end);
      if (line == end) {
        continue;
      }
      if (second >= end) {
        throw new MalformedProcFileException(
            file,
            "line '" + SafeText.decode(bytes, line, end - line) + "' is not ID:CONTROLLERS:PATH");
      }
      if (equals(bytes, first + 1, second, SYSTEMD)) {
        systemd = once(systemd, second + 1, "name=systemd", file);
      } else if (first == line + 1 && bytes[line] == '0' && second == first + 1) {
        unified = once(unified, second + 1, "0::", file);
      }
    }
    int from = systemd >= 0 ? systemd : unified;
    if (from < 0) {
      throw new MalformedProcFileException(
          file, "neither a cgroup v2 line (0::PATH) nor a name=systemd line");
    }
    String path = SafeText.decode(bytes, from, indexOf(bytes, (byte) '\n', from, length) - from);
    if (!path.startsWith("/")) {
      throw new MalformedProcFileException(file, "the path '" + path + "' is not absolute");
    }
    return new ControlGroup(path, unitOf(path));
  }

  private static final byte[] SYSTEMD = "name=systemd".getBytes(StandardCharsets.US_ASCII);

  /** Where {@code wanted} first stands in {@code [from, to)}, or {@code to}. */
  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    int i = from;
    while (i < to && bytes[i] != wanted) {
      i++;
    }
    return i;
  }

  private static boolean equals(byte[] bytes, int from, int to, byte[] text) {
    if (to - from != text.length) {
      return false;
    }
    for (int i = 0; i < text.length; i++) {
      if (bytes[from + i] != text[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The kernel writes each hierarchy once; a second line can only be text a cgroup's name carried
   * (a user may name a delegated cgroup with a line feed in it), so the file cannot be trusted.
   */
  private static int once(int earlier, int path, String kind, String file) {
    if (earlier >= 0) {
      throw new MalformedProcFileException(
          file, "two " + kind + " lines: a cgroup name holds a line feed");
    }
    return path;
  }

  /**
   * The unit of a path as systemd names it: the first component that is not a slice, when it is a
   * service or a scope. Below a user's {@code user@UID.service} sits their own manager's tree; the
   * system's unit is that service.
   */
  static String unitOf(String path) {
    int from = 1;
    while (from < path.length()) {
      int slash = path.indexOf('/', from);
      String component = path.substring(from, slash < 0 ? path.length() : slash);
      if (!component.endsWith(".slice")) {
        return component.endsWith(".service") || component.endsWith(".scope") ? component : null;
      }
      if (slash < 0) {
        break;
      }
      from = slash + 1;
    }
    return null;
  }
}

package org.rollcall.core.proc;

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

  /**
   * The cgroup of a {@code cgroup} file's content; throws {@link MalformedProcFileException} for a
   * line that is not three fields, a hierarchy named twice, or a file with neither a v2 nor a
   * {@code name=systemd} line.
   */
  public static ControlGroup parse(String content, String file) {
    String unified = null;
    String systemd = null;
    for (String line : content.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (second < 0) {
        throw new MalformedProcFileException(
            file, "line '" + line + "' is not ID:CONTROLLERS:PATH");
      }
      String controllers = line.substring(first + 1, second);
      String path = line.substring(second + 1);
      if (controllers.equals("name=systemd")) {
        systemd = once(systemd, path, "name=systemd", file);
      } else if (controllers.isEmpty() && line.startsWith("0:")) {
        unified = once(unified, path, "0::", file);
      }
    }
    String path = systemd != null ? systemd : unified;
    if (path == null || !path.startsWith("/")) {
      throw new MalformedProcFileException(
          file,
          path == null
              ? "neither a cgroup v2 line (0::PATH) nor a name=systemd line"
              : "the path '" + path + "' is not absolute");
    }
    return new ControlGroup(path, unitOf(path));
  }

  /**
   * The kernel writes each hierarchy once; a second line can only be text a cgroup's name carried
   * (a user may name a delegated cgroup with a line feed in it), so the file cannot be trusted.
   */
  private static String once(String earlier, String path, String kind, String file) {
    if (earlier != null) {
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

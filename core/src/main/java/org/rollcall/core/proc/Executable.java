package org.rollcall.core.proc;

/**
 * The target of {@code /proc/PID/exe}: an absolute path, and whether the kernel marked it {@code "
 * (deleted)"} (the file was removed or replaced since the process started it, as a package upgrade
 * does).
 */
public record Executable(String path, boolean deleted) {
  private static final String DELETED = " (deleted)";

  /** Parses the link text as readlink(2) returns it. */
  public static Executable fromLink(String link) {
    if (link.endsWith(DELETED)) {
      return new Executable(link.substring(0, link.length() - DELETED.length()), true);
    }
    return new Executable(link, false);
  }

  /** The last path component. */
  public String basename() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return deleted ? path + DELETED : path;
  }
}

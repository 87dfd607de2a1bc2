package org.rollcall.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a file, or the directory it is in, is one another user could have planted, linked or
 * swapped. Each check answers with the reason a sysadmin reads ("it is owned by uid 1000, not by
 * this user (uid 0)"), or null when the file may be used.
 *
 * <p>A file is checked by name before it is opened and again after ({@link #afterOpening}): the
 * same file (device and inode), still passing, or it is refused. Nothing is followed: a symbolic
 * link is refused, and so is a file with a second hard link, which may be another user's file
 * linked in.
 */
public final class FileTrust {
  /**
   * Who may own a file, and which write bits others may not have.
   *
   * @param rootMayOwn whether a file root owns is accepted from a process running as another user
   *     (a log root made group-writable for it), or only this user's own files
   * @param forbiddenWrite the mode bits that refuse it ({@code 0022}: group or others may write;
   *     {@code 0002}: others may)
   */
  public record Policy(boolean rootMayOwn, int forbiddenWrite) {
    /**
     * A file whose content decides something (a sample, a restart count): this user's, writable by
     * no one else.
     */
    public static final Policy PRIVATE = new Policy(false, 0022);

    /**
     * A file rollcall only appends to (a log, the fallback file): this user's or root's, not
     * world-writable.
     */
    public static final Policy APPEND_ONLY = new Policy(true, 0002);

    /**
     * A file the administrator writes that decides what a run checks (an argument file): root's or
     * this user's, writable by no one else.
     */
    public static final Policy CONFIGURATION = new Policy(true, 0022);
  }

  private static final int STICKY = 01000;
  private static final int GROUP_OR_OTHER_WRITE = 0022;

  private FileTrust() {}

  /**
   * Why {@code file} must not be used under {@code policy}, or null when it may be (also when it
   * does not exist).
   */
  public static String problem(Path file, Policy policy) throws IOException {
    Map<String, Object> unix;
    try {
      unix = Files.readAttributes(file, "unix:mode,uid,nlink", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (Files.isSymbolicLink(file)) {
      return "it is a symbolic link (to " + Files.readSymbolicLink(file) + ")";
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return "it is not a regular file";
    }
    int nlink = (Integer) unix.get("nlink");
    if (nlink > 1) {
      return "it has " + nlink + " hard links, and one may be another user's file";
    }
    String owner = ownerProblem((Integer) unix.get("uid"), policy.rootMayOwn());
    if (owner != null) {
      return owner;
    }
    int mode = (Integer) unix.get("mode");
    if ((mode & policy.forbiddenWrite()) != 0) {
      return "it is writable by "
          + ((policy.forbiddenWrite() & 0020 & mode) != 0 ? "group" : "others")
          + " (mode "
          + octal(mode)
          + ")";
    }
    return null;
  }

  /**
   * Why the file at {@code file}, just opened, must not be used: it fails {@link #problem}, it has
   * gone, or it is not the file {@code keyBefore} ({@link #key} before opening; null when there was
   * none) named.
   */
  public static String afterOpening(Path file, Object keyBefore, Policy policy) throws IOException {
    String problem = problem(file, policy);
    if (problem != null) {
      return problem;
    }
    Object now = key(file);
    if (now == null) {
      return "it was removed as it was opened";
    }
    if (keyBefore != null && !Objects.equals(now, keyBefore)) {
      return "it was replaced as it was opened";
    }
    return null;
  }

  /**
   * The file's identity (device and inode), or null when it does not exist; links are not followed.
   */
  public static Object key(Path file) throws IOException {
    try {
      return Files.readAttributes(
              file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Why another user could plant, rename or remove files in {@code dir}, or null: it must belong to
   * this user or root, and be writable by neither group nor others unless sticky (as /tmp is, where
   * only a file's owner may rename it).
   */
  public static String directoryProblem(Path dir) throws IOException {
    Map<String, Object> unix = Files.readAttributes(dir, "unix:mode,uid");
    String owner = ownerProblem((Integer) unix.get("uid"), true);
    if (owner != null) {
      return "its directory " + dir + " " + owner.substring("it ".length());
    }
    int mode = (Integer) unix.get("mode");
    if ((mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
      return "its directory "
          + dir
          + " is writable by group or others without the sticky bit (mode "
          + octal(mode)
          + ")";
    }
    return null;
  }

  /**
   * Why {@code file}'s directory or any above it lets another user swap it (see {@link
   * #directoryProblem}), or null; as ssh checks each directory above a key. The directories are
   * those the kernel walks: links resolved.
   */
  public static String ancestorProblem(Path file) throws IOException {
    for (Path dir = file.toAbsolutePath().getParent().toRealPath();
        dir != null;
        dir = dir.getParent()) {
      String problem = directoryProblem(dir);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** The effective uid: /proc/self belongs to it. */
  public static int runningUid() throws IOException {
    return (Integer)
        Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static String ownerProblem(int owner, boolean rootMayOwn) throws IOException {
    int self = runningUid();
    if (owner == self || owner == 0 && rootMayOwn) {
      return null;
    }
    return "it is owned by uid "
        + owner
        + ", not by this user (uid "
        + self
        + ")"
        + (rootMayOwn ? " or root" : "");
  }

  private static String octal(int mode) {
    return Integer.toOctalString(mode & 07777);
  }
}

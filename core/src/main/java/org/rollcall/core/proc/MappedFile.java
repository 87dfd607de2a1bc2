package org.rollcall.core.proc;

/**
 * A file a process has mapped executable, from one line of {@code /proc/PID/maps} (proc(5):
 * "address perms offset dev inode pathname"): the code it runs from disk.
 *
 * @param path the pathname, without the kernel's {@code " (deleted)"} mark
 * @param deleted whether the kernel marked it {@code " (deleted)"}: the file the process mapped no
 *     longer has this name (removed, or replaced by a rename over it, as dpkg installs)
 * @param major the major number of the device the file is on, as the kernel shows it
 * @param minor the minor number
 * @param inode the inode the process mapped
 */
public record MappedFile(String path, boolean deleted, long major, long minor, long inode) {

  /**
   * Whether {@code other} is the same mapping of the same file (the record's equals, written out).
   */
  boolean sameAs(MappedFile other) {
    return inode == other.inode
        && major == other.major
        && minor == other.minor
        && deleted == other.deleted
        && path.equals(other.path);
  }
}

package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the files a process runs code from with the files at their paths now, each path looked
 * up under the process's own root ({@code /proc/PID/root}), so a process in a container or a chroot
 * is compared with its own files, not the host's.
 *
 * <p>The executable is compared by stat(2) on both sides ({@code /proc/PID/exe} and the path): the
 * same device and inode. A mapping is compared by the device and inode its maps line shows: the
 * inode always, the device only when it is a real block device (major number above 0), because
 * btrfs subvolumes and overlayfs show one anonymous device in maps and another to stat(2). In a
 * saved tree without a {@code PID/root} the files are taken as they are shown: only the kernel's
 * {@code (deleted)} marks count.
 */
final class CodeOnDisk {
  private final ProcFs fs;
  private final FilesAtPaths files;

  CodeOnDisk(ProcFs fs) {
    this.fs = fs;
    this.files = new FilesAtPaths(fs);
  }

  /**
   * The stale files among {@code exe} and {@code mapped}, the executable first; absent when a file
   * cannot be looked up (the process's root is not readable). Throws {@link ProcessGoneException}
   * when the process exited meanwhile: its files then look missing.
   */
  Field<List<StaleFile>> staleFiles(int pid, Executable exe, List<MappedFile> mapped) {
    Field<List<StaleFile>> stale = compare(pid, exe, mapped);
    if (stale.isPresent() && stale.value().isEmpty()) {
      return stale;
    }
    if (!running(pid)) {
      throw new ProcessGoneException(pid);
    }
    // A process that ran execve(2) while it was read was judged half by its old program: what it
    // runs now was loaded just now, from the files on disk.
    return execedSince(pid, exe) ? Field.of(List.of()) : stale;
  }

  /** Whether the exe link no longer says {@code exe}; only the live /proc's can change. */
  private boolean execedSince(int pid, Executable exe) {
    if (!fs.isLive()) {
      return false;
    }
    try {
      return !Files.readSymbolicLink(fs.path(pid, "exe")).toString().equals(exe.toString());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether {@code pid} is still there with its files: a process exiting releases its root before
   * it is reaped, and then every path under {@code /proc/PID/root} looks missing.
   */
  private boolean running(int pid) {
    if (!Files.isDirectory(fs.root().resolve(Integer.toString(pid)))) {
      return false;
    }
    if (!fs.isLive()) {
      return true;
    }
    try {
      Files.readSymbolicLink(fs.path(pid, "root"));
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private Field<List<StaleFile>> compare(int pid, Executable exe, List<MappedFile> mapped) {
    boolean comparable = fs.isLive() || Files.isDirectory(fs.path(pid, "root"));
    boolean shared = files.seesAsWeDo(pid);
    List<StaleFile> stale = new ArrayList<>();
    // Run from a memfd (fexecve) or a temporary file, the executable is no file an upgrade
    // replaces; a saved tree's exe link leads nowhere: only its mark, and the path under PID/root,
    // count.
    if (MapsParser.isOnDisk(exe.path())) {
      Field<StaleFile> exeNow =
          fs.isLive() || comparable && exe.deleted()
              ? exe(pid, exe, shared)
              : marked(exe.path(), exe.deleted());
      if (!exeNow.isPresent()) {
        return Field.absent(exeNow.whyAbsent());
      }
      add(stale, exeNow.value());
    }
    for (MappedFile file : mapped) {
      // The executable's own mappings: judged above, by stat(2) on both sides.
      if (!file.path().equals(exe.path())) {
        Field<StaleFile> now =
            comparable ? mapping(pid, file, shared) : marked(file.path(), file.deleted());
        if (!now.isPresent()) {
          return Field.absent(now.whyAbsent());
        }
        add(stale, now.value());
      }
    }
    return Field.of(List.copyOf(stale));
  }

  /** A file that is current is a StaleFile with a null path, which is not listed. */
  private static void add(List<StaleFile> stale, StaleFile file) {
    if (file.path() != null) {
      stale.add(file);
    }
  }

  private static Field<StaleFile> marked(String path, boolean deleted) {
    return Field.of(new StaleFile(deleted ? path : null, false));
  }

  private Field<StaleFile> exe(int pid, Executable exe, boolean shared) {
    Field<Map<String, Object>> now = files.at(pid, exe.path(), shared);
    if (exe.deleted() || !now.isPresent()) {
      return notAtPath(exe.path(), now);
    }
    Field<Map<String, Object>> running = FilesAtPaths.key(fs.path(pid, "exe"), "exe");
    if (!running.isPresent()) {
      return Field.absent(running.whyAbsent());
    }
    return Field.of(new StaleFile(running.value().equals(now.value()) ? null : exe.path(), true));
  }

  private Field<StaleFile> mapping(int pid, MappedFile file, boolean shared) {
    Field<Map<String, Object>> now = files.at(pid, file.path(), shared);
    if (file.deleted() || !now.isPresent()) {
      return notAtPath(file.path(), now);
    }
    return Field.of(new StaleFile(sameFile(file, now.value()) ? null : file.path(), true));
  }

  /**
   * A file the process no longer runs from its path: replaced when another file is there now,
   * deleted when none is; absent when that cannot be looked up.
   */
  private static Field<StaleFile> notAtPath(String path, Field<Map<String, Object>> now) {
    if (!now.isPresent() && !FilesAtPaths.isMissing(now)) {
      return Field.absent(now.whyAbsent());
    }
    return Field.of(new StaleFile(path, now.isPresent()));
  }

  /** Whether the maps line's device and inode are the file's now; see the class comment. */
  static boolean sameFile(MappedFile file, Map<String, Object> now) {
    long dev = (Long) now.get("dev");
    long major = (dev >>> 8) & 0xfff | (dev >>> 32) & ~0xfffL;
    long minor = dev & 0xff | (dev >>> 12) & ~0xffL;
    boolean device = file.major() == 0 || file.major() == major && file.minor() == minor;
    return device && file.inode() == (Long) now.get("ino");
  }
}

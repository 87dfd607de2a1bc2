package org.rollcall.core.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.FileText;
import org.rollcall.core.text.Glob;

/**
 * The processes in the systemd units a glob names, read from the cgroup filesystem: the slices
 * walked, and the {@code cgroup.procs} of each matching unit and of the cgroups below it, instead
 * of every process's {@code /proc/PID/cgroup} (a thousand files for a thousand processes). A unit
 * is the first directory below the slices, as {@link ControlGroup} names it: only root makes
 * directories there, and whatever a delegated unit holds below belongs to that unit.
 */
final class UnitMembers {
  /** A walk that meets more directories than this gives up (a delegated unit gone wild). */
  static final int MAX_DIRECTORIES = 10_000;

  private final Path hierarchy;

  UnitMembers(Path hierarchy) {
    this.hierarchy = hierarchy;
  }

  /**
   * The walk for the live /proc's system, or why there is none: no systemd hierarchy mounted whole
   * (a container that sees only its own part), or one that does not list us where our own cgroup
   * file says we are (then the two views differ, and each process's file is the truth).
   */
  static Field<UnitMembers> open(ProcFs fs) {
    if (!fs.isLive()) {
      return Field.absent("a saved tree");
    }
    try {
      Path self = fs.root().resolve("self");
      String pid = Files.readSymbolicLink(self).toString();
      String mountPoint =
          MountTable.parse(FileText.read(self.resolve("mountinfo"), StandardCharsets.UTF_8))
              .systemdHierarchy();
      if (mountPoint == null) {
        return Field.absent("no systemd cgroup hierarchy mounted whole");
      }
      String own =
          ControlGroup.parse(
                  FileText.read(self.resolve("cgroup"), StandardCharsets.UTF_8), "cgroup")
              .path();
      Path hierarchy = Path.of(mountPoint);
      Path procs = hierarchy.resolve(own.substring(1)).resolve("cgroup.procs");
      return listsLine(FileText.read(procs, StandardCharsets.US_ASCII), pid)
          ? Field.of(new UnitMembers(hierarchy))
          : Field.absent(procs + " does not list this process");
    } catch (IOException | RuntimeException e) {
      return Field.absent("the cgroup hierarchy cannot be read: " + e.getMessage());
    }
  }

  /**
   * Whether {@code line} is one of the lines of {@code text}: a container's own cgroup may list
   * every process, and splitting thousands of lines costs a cold JVM.
   */
  static boolean listsLine(String text, String line) {
    int from = text.indexOf(line);
    while (from >= 0) {
      int end = from + line.length();
      if ((from == 0 || text.charAt(from - 1) == '\n')
          && (end == text.length() || text.charAt(end) == '\n')) {
        return true;
      }
      from = text.indexOf(line, end);
    }
    return false;
  }

  /**
   * The PIDs in the units {@code glob} matches; throws IOException when the walk cannot finish (the
   * caller then reads each process's cgroup file).
   */
  Set<Integer> of(Glob glob) throws IOException {
    Set<Integer> pids = new HashSet<>();
    Deque<Path> slices = new ArrayDeque<>();
    slices.add(hierarchy);
    int[] directories = {0};
    while (!slices.isEmpty()) {
      for (Path child : directories(slices.pop(), directories)) {
        String name = child.getFileName().toString();
        if (name.endsWith(".slice")) {
          slices.add(child);
        } else if ((name.endsWith(".service") || name.endsWith(".scope")) && glob.matches(name)) {
          collect(child, pids, directories);
        }
      }
    }
    return pids;
  }

  /** The processes of {@code cgroup} and of every cgroup below it. */
  private static void collect(Path cgroup, Set<Integer> pids, int[] directories)
      throws IOException {
    Deque<Path> pending = new ArrayDeque<>();
    pending.add(cgroup);
    while (!pending.isEmpty()) {
      Path dir = pending.pop();
      for (String line :
          FileText.read(dir.resolve("cgroup.procs"), StandardCharsets.US_ASCII).split("\n")) {
        if (Ascii.isDigits(line, 1, 9)) {
          pids.add(Integer.parseInt(line));
        }
      }
      pending.addAll(directories(dir, directories));
    }
  }

  /** The directories in {@code dir}: the cgroups below it, beside its control files. */
  private static Deque<Path> directories(Path dir, int[] count) throws IOException {
    Deque<Path> found = new ArrayDeque<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          found.add(entry);
          if (++count[0] > MAX_DIRECTORIES) {
            throw new IOException("more than " + MAX_DIRECTORIES + " cgroups below " + dir);
          }
        }
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    return found;
  }
}

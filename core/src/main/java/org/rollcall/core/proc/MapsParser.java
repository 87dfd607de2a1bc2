package org.rollcall.core.proc;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.core.text.SafeText;

/**
 * Parses {@code /proc/PID/maps} into the files a process runs code from: the mappings with {@code
 * x} among their permissions that are backed by a file on disk. A JVM or a browser has thousands of
 * mappings and a few dozen such files, so the lines are read from the bytes with loops and only
 * those files are kept, each once.
 *
 * <p>What is not code on disk is left out: anonymous mappings and the kernel's own ({@code [vdso]},
 * {@code [heap]}: inode 0, or no path), memfd and System V shared memory, devices ({@code /dev/},
 * {@code /dev/shm} included), the kernel's {@code /[aio]}, and files a program writes for itself in
 * a temporary directory ({@code /tmp/}, {@code /var/tmp/}, {@code /run/}) or JNA's unpacked library
 * ({@code jnaNNN.tmp}): a restart writes them anew; no upgrade replaces them.
 */
public final class MapsParser {
  private static final String DELETED = " (deleted)";
  private static final String[] NOT_ON_DISK = {
    "/memfd:", "/dev/", "/SYSV", "/[aio]", "/tmp/", "/var/tmp/", "/run/"
  };

  private MapsParser() {}

  /**
   * The executable file-backed mappings of a maps file's content, in order, each file once; throws
   * {@link MalformedProcFileException} naming {@code file} for a line that is not proc(5)'s layout.
   */
  public static List<MappedFile> executableFiles(byte[] bytes, int length, String file) {
    List<MappedFile> files = new ArrayList<>();
    int number = 0;
    for (int start = 0; start < length; ) {
      int end = start;
      while (end < length && bytes[end] != '\n') {
        end++;
      }
      number++;
      MappedFile mapped = line(bytes, start, end, file, number);
      if (mapped != null && !isListed(files, mapped)) {
        files.add(mapped);
      }
      start = end + 1;
    }
    return files;
  }

  /** One line's file when it is executable code on disk, else null. */
  private static MappedFile line(byte[] bytes, int start, int end, String file, int number) {
    int[] fields = new int[6];
    int at = start;
    for (int i = 0; i < 5; i++) {
      fields[i] = at;
      at = wordEnd(bytes, at, end);
      // The inode may end the line: an anonymous mapping has no path after it.
      if (at == fields[i] || at == end && i < 4) {
        throw malformed(bytes, start, end, file, number, "fewer than five fields");
      }
      at = skipSpaces(bytes, at, end);
    }
    fields[5] = at;
    int perms = fields[1];
    if (wordEnd(bytes, perms, end) - perms != 4) {
      throw malformed(bytes, start, end, file, number, "permissions are not four letters");
    }
    int colon = indexOf(bytes, fields[3], wordEnd(bytes, fields[3], end), (byte) ':');
    long major = hex(bytes, fields[3], colon);
    long minor = hex(bytes, colon + 1, wordEnd(bytes, fields[3], end));
    long inode = decimal(bytes, fields[4], wordEnd(bytes, fields[4], end));
    if (colon < 0 || major < 0 || minor < 0 || inode < 0) {
      throw malformed(bytes, start, end, file, number, "no MAJOR:MINOR device and inode");
    }
    if (bytes[perms + 2] != 'x' || inode == 0 || fields[5] == end || bytes[fields[5]] != '/') {
      return null;
    }
    String path = SafeText.decode(bytes, fields[5], end - fields[5]);
    boolean deleted = path.endsWith(DELETED);
    if (deleted) {
      path = path.substring(0, path.length() - DELETED.length());
    }
    return isOnDisk(path) ? new MappedFile(path, deleted, major, minor, inode) : null;
  }

  /** Whether {@code path} names code on disk, not one of the kinds of file above. */
  static boolean isOnDisk(String path) {
    for (String prefix : NOT_ON_DISK) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return !(name.startsWith("jna") && name.endsWith(".tmp"));
  }

  private static boolean isListed(List<MappedFile> files, MappedFile mapped) {
    for (MappedFile listed : files) {
      if (listed.sameAs(mapped)) {
        return true;
      }
    }
    return false;
  }

  private static int wordEnd(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && bytes[i] != ' ') {
      i++;
    }
    return i;
  }

  private static int skipSpaces(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && bytes[i] == ' ') {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** One to eight hex digits, or -1. */
  private static long hex(byte[] bytes, int from, int to) {
    if (from < 0 || to - from < 1 || to - from > 8) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(bytes[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** One to nineteen decimal digits, or -1. */
  private static long decimal(byte[] bytes, int from, int to) {
    if (to - from < 1 || to - from > 19) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return -1;
      }
      value = value * 10 + (bytes[i] - '0');
    }
    return value;
  }

  private static MalformedProcFileException malformed(
      byte[] bytes, int start, int end, String file, int number, String problem) {
    String text = SafeText.escape(SafeText.decode(bytes, start, Math.min(end - start, 200)));
    return new MalformedProcFileException(file, "line " + number + " '" + text + "': " + problem);
  }
}

package org.rollcall.core.proc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rollcall.core.text.Ascii;

/**
 * Parses the {@code Uid:}, {@code Gid:} and {@code Groups:} lines of {@code /proc/PID/status}, and
 * on request the capability and memory lines. The {@code Name:} line comes first and holds the comm
 * escaped by the kernel, so lines are found by their prefix at a line start, never by searching the
 * whole text. Read from the bytes with loops: exclusion.monitor parses every process's status, and
 * regular expressions made this parser most of its CPU time.
 */
public final class StatusParser {
  private static final byte[] UID = key("Uid:");
  private static final byte[] GID = key("Gid:");
  private static final byte[] GROUPS = key("Groups:");
  private static final byte[] CAP_EFF = key("CapEff:");
  private static final byte[] CAP_AMB = key("CapAmb:");
  private static final byte[] VM_RSS = key("VmRSS:");
  private static final byte[] VM_SIZE = key("VmSize:");

  private StatusParser() {}

  public static Credentials parse(byte[] bytes, int length, Path file) {
    int[] uids = ids(bytes, length, UID, 4, file);
    int[] gids = ids(bytes, length, GID, 4, file);
    int[] groups = ids(bytes, length, GROUPS, -1, file);
    return new Credentials(uids, gids, groups);
  }

  /**
   * The effective and ambient capability sets, or null when there is no {@code CapEff:} line (a
   * saved tree that left it out). A kernel before 4.3 writes no {@code CapAmb:} line: it has no
   * ambient set, so that is 0.
   */
  public static Capabilities capabilities(byte[] bytes, int length, Path file) {
    int effective = find(bytes, length, CAP_EFF);
    if (effective < 0) {
      return null;
    }
    int ambient = find(bytes, length, CAP_AMB);
    return new Capabilities(
        mask(bytes, length, effective, CAP_EFF, file),
        ambient < 0 ? 0 : mask(bytes, length, ambient, CAP_AMB, file));
  }

  /** One to sixteen hex digits after optional tabs or spaces, up to the line's end. */
  private static long mask(byte[] bytes, int length, int from, byte[] key, Path file) {
    int start = from;
    while (start < length && isSeparator(bytes[start])) {
      start++;
    }
    int end = start;
    long value = 0;
    while (end < length && bytes[end] != '\n' && Character.digit(bytes[end], 16) >= 0) {
      value = value << 4 | Character.digit(bytes[end], 16);
      end++;
    }
    if (end == start || end - start > 16 || end < length && bytes[end] != '\n') {
      int stop = end;
      while (stop < length && bytes[stop] != '\n') {
        stop++;
      }
      throw new MalformedProcFileException(
          file,
          name(key)
              + " holds '"
              + new String(bytes, from, Math.min(stop - from, 40), StandardCharsets.ISO_8859_1)
              + "', not a hexadecimal capability mask");
    }
    return value;
  }

  /**
   * The {@code VmRSS:} and {@code VmSize:} lines in KiB, or null when either is missing (a kernel
   * thread, a zombie, a saved tree without them).
   */
  public static Memory memory(byte[] bytes, int length, Path file) {
    long rss = kib(bytes, length, VM_RSS, file);
    long size = kib(bytes, length, VM_SIZE, file);
    return rss < 0 || size < 0 ? null : new Memory(rss, size);
  }

  /** A line's value " 1000 kB" as 1000; -1 when there is no such line. */
  private static long kib(byte[] bytes, int length, byte[] key, Path file) {
    int start = find(bytes, length, key);
    if (start < 0) {
      return -1;
    }
    while (start < length && isSeparator(bytes[start])) {
      start++;
    }
    int end = start;
    long value = 0;
    while (end < length && Ascii.isDigit(bytes[end]) && end - start < 18) {
      value = value * 10 + (bytes[end++] - '0');
    }
    if (end == start || !hasKibUnit(bytes, length, end)) {
      throw new MalformedProcFileException(file, name(key) + " is not a number of kB");
    }
    return value;
  }

  private static boolean hasKibUnit(byte[] bytes, int length, int at) {
    return length - at >= 3
        && bytes[at] == ' '
        && bytes[at + 1] == 'k'
        && bytes[at + 2] == 'B'
        && (length - at == 3 || bytes[at + 3] == '\n');
  }

  private static byte[] key(String key) {
    return key.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The IDs of the first line starting with {@code key}: words separated by tabs or spaces (the
   * kernel separates IDs by tabs, Groups: by spaces); a NUL or a carriage return is not a
   * separator.
   */
  private static int[] ids(byte[] bytes, int length, byte[] key, int expected, Path file) {
    int start = valueStart(bytes, length, key, file);
    int end = start;
    while (end < length && bytes[end] != '\n') {
      end++;
    }
    while (start < end && isSeparator(bytes[start])) {
      start++;
    }
    while (end > start && isSeparator(bytes[end - 1])) {
      end--;
    }
    int count = 0;
    for (int i = start; i < end; i = nextWord(bytes, i, end)) {
      count++;
    }
    if (expected >= 0 && count != expected) {
      throw new MalformedProcFileException(
          file, name(key) + " has " + count + " IDs, expected " + expected);
    }
    int[] ids = new int[count];
    int n = 0;
    for (int i = start; i < end; i = nextWord(bytes, i, end)) {
      ids[n++] = id(bytes, i, wordEnd(bytes, i, end), key, file);
    }
    return ids;
  }

  private static boolean isSeparator(byte b) {
    return b == ' ' || b == '\t';
  }

  private static int wordEnd(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && !isSeparator(bytes[i])) {
      i++;
    }
    return i;
  }

  private static int nextWord(byte[] bytes, int from, int end) {
    int i = wordEnd(bytes, from, end);
    while (i < end && isSeparator(bytes[i])) {
      i++;
    }
    return i;
  }

  /** One to ten decimal digits, below 2^32: Integer.parseUnsignedInt alone would also take "+5". */
  private static int id(byte[] bytes, int from, int to, byte[] key, Path file) {
    long value = 0;
    boolean digits = to - from >= 1 && to - from <= 10;
    for (int i = from; i < to && digits; i++) {
      digits = Ascii.isDigit(bytes[i]);
      value = value * 10 + (bytes[i] - '0');
    }
    if (!digits || value > 0xffff_ffffL) {
      throw new MalformedProcFileException(
          file,
          name(key)
              + " holds '"
              + new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)
              + "', not an ID");
    }
    return (int) value;
  }

  /** Where the value of the first line starting with {@code key} begins. */
  private static int valueStart(byte[] bytes, int length, byte[] key, Path file) {
    int start = find(bytes, length, key);
    if (start < 0) {
      throw new MalformedProcFileException(file, "no " + name(key) + " line");
    }
    return start;
  }

  /** {@link #valueStart}, or -1 when no line starts with {@code key}. */
  private static int find(byte[] bytes, int length, byte[] key) {
    for (int line = 0; line < length; line++) {
      if (startsWith(bytes, length, line, key)) {
        return line + key.length;
      }
      while (line < length && bytes[line] != '\n') {
        line++;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int length, int at, byte[] key) {
    if (length - at < key.length) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (bytes[at + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  private static String name(byte[] key) {
    return new String(key, StandardCharsets.US_ASCII);
  }
}

package org.rollcall.core.proc;

import java.nio.file.Path;
import org.rollcall.core.text.Ascii;
import org.rollcall.core.text.SafeText;

/**
 * Parses {@code /proc/PID/stat}. The comm field may hold spaces, parentheses and newlines, so it is
 * cut between the first {@code (} and the LAST {@code )}; the fields after it are plain numbers.
 */
public final class StatParser {
  private static final int FIELDS_AFTER_COMM = 22; // state (3) .. rss (24)

  private StatParser() {}

  public static ProcStat parse(byte[] bytes, int length, Path file) {
    return parse(bytes, length, file.toString());
  }

  /** {@link #parse(byte[], int, Path)} with the file's path as text, for error messages. */
  public static ProcStat parse(byte[] bytes, int length, String file) {
    int open = indexOf(bytes, length, (byte) '(');
    int close = lastIndexOf(bytes, length, (byte) ')');
    if (open < 0 || close < open) {
      throw new MalformedProcFileException(file, "no (comm) field");
    }
    long[] numbers = new long[FIELDS_AFTER_COMM];
    char state = 0;
    int field = 0;
    int i = close + 1;
    while (field < FIELDS_AFTER_COMM) {
      while (i < length && bytes[i] == ' ') {
        i++;
      }
      if (i >= length || bytes[i] == '\n') {
        throw new MalformedProcFileException(file, "only " + (field + 2) + " fields, need 24");
      }
      if (field == 0) {
        state = (char) (bytes[i++] & 0xff);
      } else {
        int start = i;
        long value = 0;
        boolean negative = bytes[i] == '-';
        if (negative) {
          i++;
        }
        int digits = i;
        while (i < length && Ascii.isDigit(bytes[i])) {
          value = value * 10 + (bytes[i++] - '0');
        }
        // 18 digits always fit a long; only a longer number needs the careful (and, interpreted,
        // slower) sum.
        value =
            i - digits > 18
                ? exactValue(bytes, digits, i, negative, field, file)
                : negative ? -value : value;
        if (i == start + (negative ? 1 : 0)
            || (i < length && bytes[i] != ' ' && bytes[i] != '\n')) {
          throw new MalformedProcFileException(file, "field " + (field + 3) + " is not a number");
        }
        numbers[field] = value;
      }
      if (i < length && bytes[i] != ' ' && bytes[i] != '\n') {
        throw new MalformedProcFileException(
            file, "field " + (field + 3) + " is not one character");
      }
      field++;
    }
    int pid = parsePid(bytes, open, file);
    String comm = SafeText.decode(bytes, open + 1, close - open - 1);
    return new ProcStat(
        pid,
        comm,
        state,
        toInt(numbers[1], 4, file),
        numbers[6],
        numbers[11],
        numbers[12],
        toInt(numbers[17], 20, file),
        numbers[19],
        numbers[20],
        numbers[21]);
  }

  /**
   * The digits from {@code from} to {@code to} as a long; one that does not fit is malformed, never
   * wrapped.
   */
  private static long exactValue(
      byte[] bytes, int from, int to, boolean negative, int field, String file) {
    long value = 0;
    for (int i = from; i < to; i++) {
      value = appendDigit(value, bytes[i], negative, field, file);
    }
    return value;
  }

  /**
   * {@code value} with one more decimal digit; a number that does not fit a long is malformed,
   * never wrapped.
   */
  private static long appendDigit(
      long value, byte digit, boolean negative, int field, String file) {
    try {
      long shifted = Math.multiplyExact(value, 10);
      return negative
          ? Math.subtractExact(shifted, digit - '0')
          : Math.addExact(shifted, digit - '0');
    } catch (ArithmeticException e) {
      throw new MalformedProcFileException(file, "field " + (field + 3) + " is out of range");
    }
  }

  private static int toInt(long value, int field, String file) {
    if (value != (int) value) {
      throw new MalformedProcFileException(file, "field " + field + " is out of range");
    }
    return (int) value;
  }

  /**
   * The digits before the comm, spaces around them allowed (and no more): "12 3" is not pid 123.
   */
  private static int parsePid(byte[] bytes, int open, String file) {
    int i = 0;
    while (i < open && bytes[i] == ' ') {
      i++;
    }
    long pid = 0;
    int digits = 0;
    while (i < open && Ascii.isDigit(bytes[i])) {
      pid = Math.min(pid * 10 + (bytes[i++] - '0'), Integer.MAX_VALUE + 1L);
      digits++;
    }
    while (i < open && bytes[i] == ' ') {
      i++;
    }
    if (i < open) {
      throw new MalformedProcFileException(file, "the pid field is not a number");
    }
    if (digits == 0) {
      throw new MalformedProcFileException(file, "no pid field");
    }
    if (pid > Integer.MAX_VALUE) {
      throw new MalformedProcFileException(file, "the pid field is out of range");
    }
    return (int) pid;
  }

  private static int indexOf(byte[] bytes, int length, byte wanted) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, int length, byte wanted) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}

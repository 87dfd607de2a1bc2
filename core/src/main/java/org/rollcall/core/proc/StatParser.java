package org.rollcall.core.proc;

import java.nio.file.Path;
import org.rollcall.core.text.SafeText;

/**
 * Parses {@code /proc/PID/stat}. The comm field may hold spaces, parentheses and newlines, so it is cut between
 * the first {@code (} and the LAST {@code )}; the fields after it are plain numbers.
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
        while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
          value = value * 10 + (bytes[i++] - '0');
        }
        if (i == start + (negative ? 1 : 0) || (i < length && bytes[i] != ' ' && bytes[i] != '\n')) {
          throw new MalformedProcFileException(file, "field " + (field + 3) + " is not a number");
        }
        numbers[field] = negative ? -value : value;
      }
      if (i < length && bytes[i] != ' ' && bytes[i] != '\n') {
        throw new MalformedProcFileException(file, "field " + (field + 3) + " is not one character");
      }
      field++;
    }
    int pid = parsePid(bytes, open, file);
    String comm = SafeText.decode(bytes, open + 1, close - open - 1);
    return new ProcStat(pid, comm, state, (int) numbers[1], numbers[6], numbers[11], numbers[12],
        (int) numbers[17], numbers[19], numbers[20], numbers[21]);
  }

  private static int parsePid(byte[] bytes, int open, String file) {
    int pid = 0;
    int digits = 0;
    for (int i = 0; i < open; i++) {
      byte b = bytes[i];
      if (b >= '0' && b <= '9') {
        pid = pid * 10 + (b - '0');
        digits++;
      } else if (b != ' ') {
        throw new MalformedProcFileException(file, "the pid field is not a number");
      }
    }
    if (digits == 0) {
      throw new MalformedProcFileException(file, "no pid field");
    }
    return pid;
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

package org.rollcall.core.proc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Parses the {@code Uid:}, {@code Gid:} and {@code Groups:} lines of {@code /proc/PID/status}. The {@code Name:}
 * line comes first and holds the comm escaped by the kernel, so lines are found by their prefix at a line start,
 * never by searching the whole text.
 */
public final class StatusParser {
  /** The kernel separates IDs by tabs (Groups: by spaces); a NUL or a carriage return is not a separator. */
  private static final Pattern SEPARATORS_AROUND = Pattern.compile("^[ \t]+|[ \t]+$");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

  private StatusParser() {}

  public static Credentials parse(byte[] bytes, int length, Path file) {
    String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    int[] uids = ids(text, "Uid:", 4, file);
    int[] gids = ids(text, "Gid:", 4, file);
    int[] groups = ids(text, "Groups:", -1, file);
    return new Credentials(uids, gids, groups);
  }

  private static int[] ids(String text, String key, int expected, Path file) {
    String value = line(text, key, file);
    String trimmed = SEPARATORS_AROUND.matcher(value).replaceAll("");
    String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
    if (expected >= 0 && words.length != expected) {
      throw new MalformedProcFileException(file, key + " has " + words.length + " IDs, expected " + expected);
    }
    int[] ids = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      ids[i] = id(words[i], key, file);
    }
    return ids;
  }

  /** Decimal digits only, below 2^32: Integer.parseUnsignedInt alone would also take "+5". */
  private static int id(String word, String key, Path file) {
    try {
      if (DIGITS.matcher(word).matches()) {
        return Integer.parseUnsignedInt(word);
      }
    } catch (NumberFormatException e) {
      // too large: reported below
    }
    throw new MalformedProcFileException(file, key + " holds '" + word + "', not an ID");
  }

  private static String line(String text, String key, Path file) {
    int start;
    if (text.startsWith(key)) {
      start = key.length();
    } else {
      int newline = text.indexOf("\n" + key);
      if (newline < 0) {
        throw new MalformedProcFileException(file, "no " + key + " line");
      }
      start = newline + 1 + key.length();
    }
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}

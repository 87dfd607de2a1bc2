package org.rollcall.core.proc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Parses the {@code Uid:}, {@code Gid:} and {@code Groups:} lines of {@code /proc/PID/status}. The {@code Name:}
 * line comes first and holds the comm escaped by the kernel, so lines are found by their prefix at a line start,
 * never by searching the whole text.
 */
public final class StatusParser {
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
    String trimmed = value.trim();
    String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
    if (expected >= 0 && words.length != expected) {
      throw new MalformedProcFileException(file, key + " has " + words.length + " IDs, expected " + expected);
    }
    int[] ids = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      try {
        ids[i] = Integer.parseUnsignedInt(words[i]);
      } catch (NumberFormatException e) {
        throw new MalformedProcFileException(file, key + " holds '" + words[i] + "', not an ID");
      }
    }
    return ids;
  }

  private static String line(String text, String key, Path file) {
    int at = text.startsWith(key) ? 0 : text.indexOf("\n" + key);
    if (at < 0) {
      throw new MalformedProcFileException(file, "no " + key + " line");
    }
    int start = at == 0 ? key.length() : at + 1 + key.length();
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
